"""Attendance registers: reading register extracts, summarising them, importing them."""
