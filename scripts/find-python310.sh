#!/bin/sh
# Print the path of a Python 3.10 interpreter: PATH first, then pyenv's versions.
# Rasa Open Source 3.6 needs Python >= 3.8, < 3.11; this project is built on 3.10.
for cand in python3.10 python3 python; do
  p=$(command -v "$cand" 2>/dev/null) || continue
  if "$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
    echo "$p"; exit 0
  fi
done
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for p in $(ls -d "$root"/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do
  if [ -x "$p" ]; then echo "$p"; exit 0; fi
done
echo "No Python 3.10 found (looked on PATH and in $root/versions). Install it, e.g. 'pyenv install 3.10'." >&2
exit 1
