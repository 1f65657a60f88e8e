"""Compiled from ui/*.ui by ui/build.py: never edited by hand."""
