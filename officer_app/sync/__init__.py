"""The desktop side of sync: the protocol shared with the central store, and its client."""
