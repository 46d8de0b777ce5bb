"""The live compass (radar and bars) drawn from a CompassReading."""
