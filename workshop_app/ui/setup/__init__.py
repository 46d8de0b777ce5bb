"""The set-up page (Préparation): the workshop's details, its groups, participants and sequences."""
