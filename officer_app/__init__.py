"""officer_app: offline, encrypted casework for school attendance officers."""

__version__ = "0.1.0"
