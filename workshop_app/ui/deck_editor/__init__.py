"""The deck editor: create or duplicate a deck, edit it with live validation, save it as YAML."""
