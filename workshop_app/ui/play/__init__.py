"""The play screen: outline, current card, one row per table, timers, live compass."""
