"""The central store: an ASGI service holding every device's work for a local authority (see README.md)."""
