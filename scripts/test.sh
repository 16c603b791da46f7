#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the release dist/, then runs
#   1. the native unit tests,
#   2. the component tests in headless Chromium (wasm-bindgen-test),
#   3. the end-to-end tests: the built dist/ in headless Chromium against a stub endpoint,
#      with axe-core's WCAG 2.2 AA checks on every page,
# checks the embed API's TypeScript declarations against a host's code (tsc --noEmit),
# prints the fault matrix, and checks the gzipped size of dist/ against its ceiling
# (scripts/size.sh). Any failing layer fails the command.
set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$PROJECT_ROOT"
# shellcheck source=scripts/ensure-tools.sh
source scripts/ensure-tools.sh
ensure_build_tools
ensure_browser
ensure_axe_core
ensure_typescript

started=$SECONDS
say "Building the release dist/"
trunk build --release --skip-version-check

say "1/3 Unit tests (native)"
cargo test --lib

say "2/3 Component tests (wasm-bindgen-test in headless Chromium)"
# chromedriver gives Chromium a fresh profile in the temporary folder (86 MB), and the test
# runner leaves it there: the component tests get a temporary folder of their own, removed on exit.
component_tmp="$(mktemp -d "${TMPDIR:-/tmp}/add-customer-components.XXXXXX")"
trap 'rm -rf "$component_tmp"' EXIT
TMPDIR="$component_tmp" \
  CHROMEDRIVER="$(command -v chromedriver)" \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PROJECT_ROOT/tests/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test components

say "The embed API's declarations (tsc --noEmit over tests/types/host.ts)"
node "$TSC" -p tests/types

say "3/3 End-to-end tests (dist/ in headless Chromium against the stub endpoint)"
cargo test --test e2e -- --test-threads=1
say "The fault matrix (target/fault-matrix.md)"
cat target/fault-matrix.md

say "dist/ size, against its ceiling"
scripts/size.sh --enforce
say "All tests passed in $((SECONDS - started)) s"
