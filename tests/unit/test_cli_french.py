"""The command line's own words are French: usage, help, and the errors argparse writes (a missing or
unknown argument, a wrong choice), read from what a user sees on the terminal."""

from __future__ import annotations

import pytest

from workshop_app.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    assert out.startswith("utilisation : atelier")
    assert "affiche cette aide et quitte" in out
    assert "usage:" not in out and "show this help" not in out and "positional arguments" not in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("export",), "atelier export : erreur : argument obligatoire manquant : ATELIER"),
        (
            ("export", "x", "--edition", "longue"),
            "choix invalide : 'longue' (au choix : 'complet', 'synthese')",
        ),
        (("--inconnu",), "atelier : erreur : arguments non reconnus : --inconnu"),
        (("commande-inconnue",), "argument COMMANDE : choix invalide : 'commande-inconnue'"),
    ],
)
def test_errors_are_french(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: str) -> None:
    code, _, err = _run(capsys, *argv)
    assert code == 2
    assert expected in err
    assert err.startswith("utilisation : ")
    assert "error:" not in err and "usage:" not in err
