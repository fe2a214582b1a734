"""Scorers: TimeML temporal expressions (``timeml``) and, later, events."""
