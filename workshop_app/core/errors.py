"""Errors meant for a person: ``str()`` is a French sentence that a dialog or the CLI shows as it is."""

from __future__ import annotations

import errno


class AtelierError(Exception):
    """A failure the user can act on. ``detail`` may hold technical text for the log, never for the dialog."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


_OS_REASONS = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EISDIR: "c’est un dossier, pas un fichier",
    errno.ENOTDIR: "une partie du chemin n’est pas un dossier",
    errno.ENOSPC: "le disque est plein",
    errno.EACCES: "accès refusé (fichier ou dossier en lecture seule)",
    errno.EPERM: "accès refusé (fichier ou dossier en lecture seule)",
    errno.EROFS: "accès refusé (fichier ou dossier en lecture seule)",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EEXIST: "le fichier existe déjà",
}


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in French (the system's own text, often English, only as a fallback)."""
    return _OS_REASONS.get(error.errno or 0) or error.strerror or str(error)
