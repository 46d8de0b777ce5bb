"""The demo workshop is what a facilitator shows a mayor as an example: its facilitator's texts agree with
its own figures, and nothing in it is politically sensitive."""

from __future__ import annotations

from workshop_app.core.catalogue import find_deck
from workshop_app.core.findings import compute
from workshop_app.store import demo_text as T
from workshop_app.store.demo import build_demo_snapshot


def _demo():  # type: ignore[no-untyped-def]
    return build_demo_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"))  # type: ignore[arg-type]


def test_the_facilitators_reading_agrees_with_the_figures() -> None:
    snapshot = _demo()
    found = compute(snapshot)
    questions = found.sequences[0]
    names = {g.id: g.name for g in snapshot.groups}
    # « ils viennent pour l’essentiel de la table du Vieux Bourg, plus sévère que les autres »
    assert "Vieux Bourg" in T.AGREEMENT and names[questions.strict_group or ""] == "Le Vieux Bourg"
    # « les points forts : la gouvernance partagée … et la prise en compte des risques dans les projets »
    strengths = " ".join(f.label for f in found.strengths)
    assert "1.1 Assurer une gouvernance partagée" in strengths
    assert "1.3 Intégrer les vulnérabilités" in strengths
    # « les écarts portent surtout sur le retour d’expérience et sur la préparation aux crises »
    widest = [s.label[:3] for s in questions.target_spreads[:3]]
    assert {"5.1", "3.3"} <= set(widest)
    # « toutes jugent faible la sobriété »
    assert all(f.label.startswith("6.") for f in found.vulnerabilities)
    # the debrief's lists are the app's proposals, validated
    assert snapshot.debrief.strengths and all(
        snapshot.debrief.origin(line) == "validated" for line in snapshot.debrief.strengths
    )


def test_no_politically_sensitive_note_and_one_apostrophe() -> None:
    snapshot = _demo()
    texts = [str(e.payload.get("text", "")) + str(e.payload.get("argument", "")) for e in snapshot.events]
    texts += [T.CONTEXT, T.AGREEMENT, T.FELT, T.HAPPENED, T.TRANSFER]
    for text in texts:
        assert "élection" not in text.casefold(), text
        assert "'" not in text, text


def test_themed_arguments_fit_every_card_of_their_theme() -> None:
    """A themed argument is printed under any card of its theme: none may name one shock (the review found
    « pas d’hébergement d’urgence » under the price of energy, « le PCS exercé avec le SDIS » under a
    pandemic)."""
    for weak, strong in T.THEMED.values():
        for line in (*weak, *strong):
            for specific in ("hébergement d’urgence", "SDIS", "itinéraire de secours", "un seul employeur"):
                assert specific not in line, line
