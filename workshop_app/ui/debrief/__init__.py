"""The debrief: proposed strengths and vulnerabilities, the texts, the action plan."""
