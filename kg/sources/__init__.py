"""Structured national data (JUDGIT! NDJSON, RS-system CSV): the field mapping of each data set, raw rows → the same
records documents give. Reading the files (NDJSON lines, the RS download's CSVs) is kg.read's."""
