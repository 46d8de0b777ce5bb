"""In-app views of a comparison of workshops (evolution of one territory, cohort of several): they display
the comparison service's result (``services.compare``) and forward intent; no SQL, no scoring here."""
