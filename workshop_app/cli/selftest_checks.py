"""The checks of ``atelier --selftest`` (driven by :mod:`workshop_app.cli.selftest`).

Each check raises :class:`SelfTestFailure` with a French reason, or reports one line through ``self.ok``. They
look for what breaks in a badly built bundle: a file not shipped, a module not collected, a font that draws
boxes, a migration script that cannot be loaded, a PDF without its embedded font.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

#: the steps, in order: id (used by ATELIER_SELFTEST_FAIL) → label printed after « OK » / « ÉCHEC »
STEPS: dict[str, str] = {
    "environment": "environnement",
    "resources": "fichiers livrés",
    "window": "fenêtre principale",
    "glyphs": "caractères français",
    "translations": "traductions",
    "decks": "jeux de cartes",
    "store": "base de données",
    "workshop": "atelier",
    "compass": "boussole",
    "pdf": "compte-rendu PDF",
}
FRENCH_SAMPLE = "éèêàçôœ«»’€"
ET_SI_33 = "et-si-33"
GROUPS = ("Élus", "Services techniques", "Habitants")


def time_zone_source() -> str:
    """Where Europe/Paris comes from; a failure if nowhere (the compte-rendu's times would be shifted)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from workshop_app.export.french import TIMEZONE

    try:
        ZoneInfo.no_cache(TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise SelfTestFailure(
            f"fuseau horaire {TIMEZONE} introuvable (ni base du système, ni paquet tzdata) : les heures du "
            f"compte-rendu seraient décalées ({exc})"
        ) from None
    try:
        from importlib.metadata import version

        return f"fuseau {TIMEZONE} (tzdata {version('tzdata')} ou système)"
    except Exception:
        return f"fuseau {TIMEZONE} (système)"


class SelfTestFailure(Exception):
    """A check failed; ``str()`` is the French reason."""


class Checks:
    """The checks, in the order they run. The driver provides ``ok`` and ``launch_time``."""

    def __init__(self, home: Path, broken: str) -> None:
        self.home = home
        self.broken = broken  # ATELIER_SELFTEST_FAIL
        self.window: Any = None
        self.shown_at = 0.0
        self.service: Any = None
        self.snapshot: Any = None
        self.decks: dict[str, Any] = {}

    def ok(self, step_id: str, detail: str) -> None:
        raise NotImplementedError

    def launch_time(self) -> tuple[float, str]:
        raise NotImplementedError

    # -- before Qt ------------------------------------------------------------------------------------------
    def check_environment(self) -> None:
        import PySide6
        from PySide6.QtCore import qVersion

        from workshop_app import __version__

        if getattr(sys, "frozen", False):
            kind = "paquet autonome"
        elif (Path(__file__).resolve().parents[1] / "_data").is_dir():
            kind = "paquet installé"
        else:
            kind = "depuis les sources"
        platform = os.environ.get("QT_QPA_PLATFORM") or "écran"
        self.ok(
            "environment",
            f"Atelier Résilience {__version__} ({kind}), Python {sys.version.split()[0]}, "
            f"PySide6 {PySide6.__version__}, Qt {qVersion()}, affichage {platform}, {time_zone_source()}",
        )

    def check_resources(self) -> None:
        from workshop_app.paths import package_path, resource_path

        wanted = {
            "police du PDF": resource_path("resources", "fonts", "DejaVuSans.ttf"),
            "profil de couleur du PDF": resource_path("resources", "color", "sRGB.icc"),
            "icône": resource_path("resources", "icons", "atelier.svg"),
            "jeux de cartes": resource_path("scenarios"),
            "migrations": package_path("store", "migrations", "env.py"),
            "modèle de migration": package_path("store", "migrations", "script.py.mako"),
        }
        missing = [f"{name} ({path})" for name, path in wanted.items() if not path.exists()]
        if missing:
            raise SelfTestFailure(f"fichiers introuvables : {', '.join(missing)}. Réinstallez l’application.")
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            inside = Path(bundle).resolve()
            outside = [str(p) for p in wanted.values() if not p.resolve().is_relative_to(inside)]
            if outside:
                raise SelfTestFailure(f"fichiers pris hors du paquet autonome : {', '.join(outside)}")
        versions = list(package_path("store", "migrations", "versions").glob("*.py"))
        if not versions:
            raise SelfTestFailure(
                "aucune révision de migration (store/migrations/versions/*.py) n’est livrée"
            )
        where = bundle or resource_path()
        self.ok("resources", f"polices, icône, jeux et {len(versions)} migration(s) trouvés dans {where}")

    def check_decks(self) -> None:
        from workshop_app.core.catalogue import scan
        from workshop_app.paths import builtin_decks_dir

        folder = builtin_decks_dir()
        entries = scan([(folder, True)])
        if not entries:
            raise SelfTestFailure(f"aucun jeu de cartes livré dans « {folder} »")
        broken = [str(issue) for entry in entries for issue in entry.issues]
        if broken:
            raise SelfTestFailure(f"jeu(x) livré(s) invalide(s) : {' ; '.join(broken)}")
        self.decks = {entry.deck.id: entry.deck for entry in entries if entry.deck is not None}
        if ET_SI_33 not in self.decks:
            raise SelfTestFailure(
                f"le jeu « {ET_SI_33} » n’est pas livré (jeux trouvés : {', '.join(self.decks)})"
            )
        cards = sum(len(deck.cards) for deck in self.decks.values())
        self.ok(
            "decks", f"{len(self.decks)} jeu(x) valide(s), {cards} cartes ({', '.join(sorted(self.decks))})"
        )

    # -- the window (run_app has shown it) ------------------------------------------------------------------
    def check_window_shown(self) -> None:
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + 10
        while not self._exposed() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.002)
        if not self._exposed():
            raise SelfTestFailure("la fenêtre principale n’est pas à l’écran (10 s après son ouverture)")
        self.shown_at = self.shown_at or time.time()
        if QApplication.windowIcon().pixmap(32, 32).isNull():  # an SVG: needs Qt's SVG plugins in the bundle
            raise SelfTestFailure("l’icône de l’application ne se charge pas (greffon SVG de Qt absent ?)")
        t0, origin = self.launch_time()
        self.ok(
            "window",
            f"« {self.window.windowTitle()} » affichée {1000 * (self.shown_at - t0):.0f} ms après {origin}, "
            "icône chargée",
        )

    def _exposed(self) -> bool:
        handle = self.window.windowHandle()
        return bool(self.window.isVisible() and handle is not None and handle.isExposed())

    def check_glyphs(self) -> None:
        from PySide6.QtGui import QColor, QFontInfo, QFontMetrics, QImage, QPainter

        font = self.window.font()
        family = QFontInfo(font).family()
        metrics = QFontMetrics(font)
        missing = [ch for ch in FRENCH_SAMPLE if not metrics.inFontUcs4(ord(ch))]
        if not family or missing:
            raise SelfTestFailure(
                f"la police de l’interface « {family or 'aucune'} » ne dessine pas {' '.join(missing)} : "
                "les accents s’afficheraient en carrés (installez une police, p. ex. fonts-dejavu-core)"
            )
        image = QImage(48, 48, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(8, 36, "é")
        painter.end()
        if all(image.pixelColor(x, y).lightness() > 200 for x in range(48) for y in range(48)):
            raise SelfTestFailure(f"« é » ne laisse aucune trace avec la police « {family} »")
        self.ok("glyphs", f"« {FRENCH_SAMPLE} » dessinés avec la police « {family} »")

    def check_translations(self) -> None:
        from PySide6.QtCore import QLibraryInfo, QTranslator

        from workshop_app.paths import resource_path

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_fr", qt_dir):
            raise SelfTestFailure(
                f"le catalogue de Qt en français (qtbase_fr.qm) est introuvable dans « {qt_dir} »"
            )
        loaded = ["qtbase_fr"]
        folder = resource_path("resources", "translations")
        for qm in sorted(folder.glob("*.qm")) if folder.is_dir() else []:
            if not QTranslator().load(str(qm)):
                raise SelfTestFailure(f"le catalogue « {qm.name} » est illisible")
            loaded.append(qm.stem)
        unbuilt = [ts.name for ts in sorted(folder.glob("*.ts")) if not ts.with_suffix(".qm").exists()]
        if folder.is_dir() and unbuilt:
            raise SelfTestFailure(
                f"traduction(s) non compilée(s) : {', '.join(unbuilt)} (python -m workshop_app.ui.i18n_build)"
            )
        english = QTranslator()
        if not english.load(str(folder / "atelier_en.qm")) or english.isEmpty():
            raise SelfTestFailure(
                f"le catalogue anglais « atelier_en.qm » manque ou est vide dans « {folder} »"
            )
        self.ok("translations", f"catalogues chargés : {', '.join(loaded)}")

    # -- the database (the window's store opener) ----------------------------------------------------------
    def open_and_check_store(self) -> Any:
        from workshop_app.store import open_store
        from workshop_app.store.migrate import current_revision, head_revision

        started = time.perf_counter()
        self.service = open_store(f"sqlite:///{self.home / 'autotest.sqlite3'}")
        opened_ms = (time.perf_counter() - started) * 1000
        head = head_revision()
        with self.service.engine.connect() as conn:
            revision = current_revision(conn)
        if revision != head:
            raise SelfTestFailure(f"la base neuve est au schéma « {revision} » au lieu de « {head} »")
        replayed = self._upgrade_from_scratch()
        self.ok(
            "store",
            f"base SQLite neuve au schéma « {head} » en {opened_ms:.0f} ms ; "
            f"{replayed} migration(s) rejouée(s) sur une base vide",
        )
        return self.service

    def _upgrade_from_scratch(self) -> int:
        """Run every migration script on an empty file: proves the scripts load and run from here."""
        from alembic import command
        from alembic.script import ScriptDirectory
        from sqlalchemy import inspect

        from workshop_app.store.engine import make_engine
        from workshop_app.store.migrate import alembic_config
        from workshop_app.store.models import Base

        engine = make_engine(f"sqlite:///{self.home / 'autotest-migrations.sqlite3'}")
        try:
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
                tables = set(inspect(conn).get_table_names())
        finally:
            engine.dispose()
        missing = sorted(set(Base.metadata.tables) - tables)
        if missing:
            raise SelfTestFailure(f"les migrations n’ont pas créé les tables {', '.join(missing)}")
        return len(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))

    # -- a workshop, played through the service and opened in the window -----------------------------------
    def play_workshop(self) -> None:
        from workshop_app.ui.workshop_pages import PAGE_PLAY

        service, deck = self.service, self.decks[ET_SI_33]
        info = service.create_workshop("Autotest — Saint-Émilion", territory="Commune de Saint-Émilion")
        groups = [service.add_group(info.id, name) for name in GROUPS]
        sequence = service.add_sequence(info.id, deck, planned_minutes=45)
        options = [option.id for option in deck.scale if option.value is not None]
        for i, card in enumerate(deck.cards):
            service.show_card(info.id, sequence.id, card.id)
            for j, group in enumerate(groups):
                service.record_choice(
                    info.id,
                    sequence.id,
                    group.id,
                    card.id,
                    options[(i + j) % len(options)],
                    argument=f"Argument n° {i + 1} : « déjà éprouvé »",
                )
        service.add_note(info.id, "Note de l’autotest : œuvre, « guillemets », 3 € — tout doit s’afficher.")
        self.snapshot = service.snapshot(info.id)
        if len(self.snapshot.groups) != len(groups) or len(self.snapshot.sequences) != 1:
            raise SelfTestFailure("l’atelier relu ne contient pas les groupes et la séquence enregistrés")
        if not self.window.open_workshop(info.id, PAGE_PLAY) or self.window.session is None:
            raise SelfTestFailure(f"la fenêtre n’a pas pu ouvrir l’atelier{self._notices()}")
        self._render()
        self.ok(
            "workshop",
            f"créé avec {len(groups)} groupes, séquence « {sequence.display_title} », "
            f"{len(deck.cards) * len(groups)} réponses, {len(self.snapshot.events)} événements ; "
            "ouvert dans la fenêtre",
        )

    def _render(self) -> None:
        """Paint the window as it is now (the play page and its live compass); fail on any notice shown."""
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        if self.window.grab().isNull():
            raise SelfTestFailure("la fenêtre ne se dessine pas")
        notices = self._notices()
        if notices:
            raise SelfTestFailure(f"la fenêtre affiche un message inattendu{notices}")

    def _notices(self) -> str:
        from PySide6.QtWidgets import QMessageBox

        texts = [box.text() for box in self.window.findChildren(QMessageBox) if box.isVisible()]
        return f" : « {' / '.join(texts)} »" if texts else ""

    def check_compass(self) -> None:
        sequence = self.snapshot.sequences[0]
        reading = self.snapshot.compass(sequence.id)
        room = {axis: s for axis, s in reading.room.axes.items() if s.total > 0}  # axes some card informs
        if not room:
            raise SelfTestFailure("la boussole ne donne aucun axe renseigné")
        bad = [axis for axis, s in room.items() if s.score is None or not 0 <= s.score <= 100]
        if bad:
            raise SelfTestFailure(f"scores absents ou hors de 0–100 % pour : {', '.join(bad)}")
        partial = [axis for axis, s in room.items() if s.coverage < 0.999]
        if partial:
            raise SelfTestFailure(
                f"couverture incomplète alors que tout a été répondu : {', '.join(partial)}"
            )
        shown = self.window.session.compass(sequence.id)
        if shown is None or {a: s.score for a, s in shown.room.axes.items()} != {
            a: s.score for a, s in reading.room.axes.items()
        }:
            raise SelfTestFailure("la boussole de la fenêtre diffère de celle calculée depuis la base")
        scores = ", ".join(f"{axis} {s.score:.0f} %" for axis, s in room.items())
        self.ok("compass", f"{len(room)} axes pour la salle ({scores}), identiques dans la fenêtre")

    def check_pdf(self) -> None:
        from workshop_app.export.pdf.document import build_pdf

        target = self.home / "compte-rendu.pdf"
        started = time.perf_counter()
        build_pdf(self.snapshot, {}, target)
        built_ms = (time.perf_counter() - started) * 1000
        if self.broken == "pdf":  # a PDF cut short, as a full disk would leave it: the checks must see it
            data = target.read_bytes()
            target.write_bytes(data[: len(data) // 2])
        problems = pdf_problems(target)
        if problems:
            raise SelfTestFailure(f"le PDF produit est incorrect : {' ; '.join(problems)}")
        size = target.stat().st_size
        from reportlab.lib import rl_accel

        accel = (
            "accélérateur C de reportlab actif"
            if type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
            else "sans l’accélérateur C de reportlab (rl-accel) : plus lent"
        )
        self.ok(
            "pdf",
            f"{size / 1024:.0f} Kio en {built_ms:.0f} ms, police TrueType incorporée, fichier complet, "
            f"{accel}",
        )


def pdf_problems(path: Path) -> list[str]:
    """What is wrong with the PDF at ``path`` (empty list: nothing found). Needs no PDF library."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [f"fichier illisible ({exc.strerror or exc})"]
    problems = []
    if not data.startswith(b"%PDF-"):
        problems.append("il ne commence pas par %PDF-")
    if b"%%EOF" not in data[-1024:]:
        problems.append("il ne se termine pas par %%EOF (fichier tronqué ?)")
    if len(data) < 4096:
        problems.append(f"il est trop petit ({len(data)} octets)")
    if b"/FontFile2" not in data:
        problems.append(
            "aucune police TrueType n’y est incorporée (/FontFile2) : les accents seraient perdus"
        )
    return problems
