"""Everything that imports PySide6: windows, item models, the task runner."""
