"""Scheduled messages: which occurrences are due (pure), what they say, and delivering each once."""
