"""The desktop side of sync: the protocol shared with the central store, and the client
that speaks it."""
