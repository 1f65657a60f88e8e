"""The central store: the service every device syncs with (see README.md)."""
