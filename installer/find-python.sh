#!/usr/bin/env bash
# Prints the Python the project's venv is built with: 3.12 (tested), else 3.13. Python 3.12 or
# newer is required: PySide6 6.12 drops a reference to None on every Qt call that returns
# nothing, and only from 3.12 is None immortal (PEP 683), so that is harmless; on 3.11 a long
# session would abort ("none_dealloc").
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
echo "find-python: officer-app needs Python 3.12 or newer and none was found (looked for" \
  "python3.12/3.13 on PATH, under pyenv and in /usr/bin, /usr/local/bin)" >&2
exit 1
