"""The central store: the ASGI service that holds a local authority's work (README.md)."""
