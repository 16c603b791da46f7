#!/usr/bin/env bash
# The benchmark: builds the release dist/ and measures it in headless Chromium (transfer sizes,
# start at 1× and 4× CPU against a static HTML floor, start over a 100 ms network, typing, a
# catalog of 1,000 to 50,000 offers, memory over 50 wizards). Writes target/bench/results.md and
# results.json and prints the table. Installs what it needs on the first run. BENCH_RUNS sets
# the start runs (11).
set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$PROJECT_ROOT"
# shellcheck source=scripts/ensure-tools.sh
source scripts/ensure-tools.sh
ensure_build_tools
ensure_browser
ensure_playwright_core

say "Building the release dist/"
trunk build --release --skip-version-check
say "Measuring (a few minutes)"
node scripts/bench.mjs
