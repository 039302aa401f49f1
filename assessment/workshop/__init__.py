"""Several answer sets at once: the team merge, a comparison over time, peer bands."""
