"""The start page: recent workshops, the demonstration workshop, the available decks and deck import."""
