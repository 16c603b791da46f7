#!/usr/bin/env bash
# Prints the size of dist/ as the browser loads it: raw and gzip -9, per file and in all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../dist"
total_raw=0
total_gzip=0
printf '%-28s %10s %10s\n' file bytes gzip
for file in *.wasm *.js *.css; do
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file")
  gzip=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gzip))
  printf '%-28s %10d %10d\n' "$file" "$raw" "$gzip"
done
printf '%-28s %10d %10d  (%d KiB gzipped: wasm + js + css)\n' total "$total_raw" "$total_gzip" $((total_gzip / 1024))
