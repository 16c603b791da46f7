#!/usr/bin/env bash
# Runs the app: installs what is missing, then serves it with the built-in demo back end.
# Usage: scripts/run.sh [port]   (default 8080)
set -euo pipefail
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$PROJECT_ROOT"
# shellcheck source=scripts/ensure-tools.sh
source scripts/ensure-tools.sh
ensure_build_tools

port="${1:-8080}"
say "Serving the wizard at http://127.0.0.1:$port/ (demo back end; add ?api=<base-url> for a real endpoint)"
exec trunk serve --skip-version-check --address 127.0.0.1 --port "$port"
