#!/usr/bin/env bash
# Lighthouse scores of the home, course, module and test pages (see bench/lighthouse.py).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python bench/lighthouse.py "$@"
