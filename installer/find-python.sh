#!/usr/bin/env bash
# Prints the Python the project's venv is built with: 3.12 (tested), else 3.13, else
# python3 (with a warning). Why 3.12+: PySide6 6.12 drops a reference to None on every Qt
# call that returns nothing; from 3.12 None is immortal, so that is harmless. On 3.11 the app
# guards against it itself (officer_app/gui/qt_workarounds.py), but 3.12 is the safe choice.
set -uo pipefail
new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
candidates=(python3.12 python3.13)
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for v in "$root"/versions/3.12* "$root"/versions/3.13*; do
  [ -x "$v/bin/python3" ] && candidates+=("$v/bin/python3")
done
candidates+=(/usr/bin/python3.12 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/local/bin/python3.13)
for p in "${candidates[@]}"; do
  if command -v "$p" >/dev/null 2>&1 && new_enough "$p"; then
    command -v "$p"
    exit 0
  fi
done
echo "find-python: no Python 3.12 or newer found; using python3 (see installer/find-python.sh)" >&2
command -v python3
