"""Pure rules of the job: no I/O, no Qt."""
