"""Structured national data (JUDGIT! NDJSON, RS-system CSV): raw rows → the same records documents give."""
