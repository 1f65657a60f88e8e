"""Key handling: the wrapped profile key, the OS key store, attachment encryption."""
