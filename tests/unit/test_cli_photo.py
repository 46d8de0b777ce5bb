"""``atelier photo add``: headless, through the real store; refusals are French and store nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from workshop_app.cli import main
from workshop_app.store import open_store


def _workshop_with_a_deck() -> tuple[str, str]:
    from workshop_app.core.catalogue import find_deck

    with open_store() as store:
        info = store.create_workshop("Atelier photos")
        deck = find_deck("et-si-33")
        store.add_sequence(info.id, deck)
        return info.id, deck.cards[4].id


def _jpeg(path: Path, width: int, height: int) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 180, 40)).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_photo_add_to_the_debrief_and_to_a_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop_id, card = _workshop_with_a_deck()
    small, large = _jpeg(tmp_path / "tableau.jpg", 640, 480), _jpeg(tmp_path / "murs.jpg", 5000, 2500)
    assert main(["photo", "add", workshop_id[:8], str(small), "--caption", "Le tableau « risques »"]) == 0
    assert main(["photo", "add", workshop_id, str(large), "--card", card]) == 0
    out = capsys.readouterr().out
    assert "tableau.jpg\t640×480\tbilan" in out and "murs.jpg\t2400×1200 (réduite)\tcarte " + card in out
    with open_store() as store:
        photos = store.snapshot(workshop_id).attachments
    assert [(p.filename, p.caption, p.card_id) for p in photos] == [
        ("tableau.jpg", "Le tableau « risques »", None), ("murs.jpg", "", card)]
    assert main(["photo", "list", workshop_id]) == 0
    assert "murs.jpg\tcarte " + card in capsys.readouterr().out


def test_photo_add_refusals_are_french_and_store_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workshop_id, _card = _workshop_with_a_deck()
    good = _jpeg(tmp_path / "bonne.jpg", 100, 100)
    (tmp_path / "notes.txt").write_text("pas une photo", encoding="utf-8")
    assert main(["photo", "add", workshop_id, str(good), str(tmp_path / "notes.txt")]) == 1
    assert "« notes.txt » n’est pas une image lisible" in capsys.readouterr().err
    assert main(["photo", "add", workshop_id, str(good), "--card", "q99"]) == 1
    assert "La carte « q99 » n’est dans aucune séquence" in capsys.readouterr().err
    assert main(["photo", "add", "zzzz", str(good)]) == 1
    assert "Aucun atelier ne correspond" in capsys.readouterr().err
    with open_store() as store:
        assert store.snapshot(workshop_id).attachments == ()
