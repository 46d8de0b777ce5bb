"""Exports of a workshop, built from a :class:`~workshop_app.core.workshop.WorkshopSnapshot` only
(no Qt, no store).

* :mod:`.pdf` — the compte-rendu (``build_pdf``), reportlab is imported only there;
* :mod:`.tabular` — raw answers as CSV and XLSX (``write_csv``, ``write_xlsx``);
* :mod:`.bundle` — the workshop bundle, a zip to move a workshop between laptops (``export_bundle``,
  ``read_bundle``), whose ``workshop.json`` is written by :mod:`.manifest` and read back by
  :mod:`.manifest_reader`;
* :mod:`.analysis` — pure computations shared by them (agreement between tables, programme, raw rows).

Nothing is imported here, so that ``import workshop_app.export`` stays free.
"""
