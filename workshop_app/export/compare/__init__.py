"""Comparison reports (evolution of one territory, cohort of several): PDF (:mod:`.pdf`), DOCX (:mod:`.docx`)
and one merged table, CSV/XLSX (:mod:`.tables`); the content is :mod:`.content` (document model blocks)."""
