# Installs what the app and the tests need, each only when it is missing or at the wrong
# version; a second run finds everything in place and does nothing. Sourced by run.sh and test.sh.
#
# - the wasm32-unknown-unknown target (rustup)
# - trunk 0.21.14 (0.22 needs a newer rustc than this project's 1.95)
# - wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock
# - wasm-opt 132 from the npm package binaryen (Debian's binaryen 108 breaks the wasm)
# - Node.js, which runs wasm-opt and the post-build hook (scripts/post-build.mjs)
# - esbuild (npm), which the post-build hook minifies the release scripts and stylesheet with
# - for the tests: Debian's chromium and chromium-driver, axe-core (npm) for the
#   accessibility checks, and TypeScript (npm) for the embed API's declarations
# - for the benchmark: playwright-core (npm)

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
ESBUILD_VERSION="0.28.2"
AXE_CORE_VERSION="4.14.1"
PLAYWRIGHT_CORE_VERSION="1.65.1"
TYPESCRIPT_VERSION="5.9.3"
TOOLS_DIR="${ADD_CUSTOMER_TOOLS_DIR:-$HOME/.cache/add-customer-tools}"
BINARYEN_DIR="$TOOLS_DIR/binaryen-$BINARYEN_VERSION"
# The release profile that builds the tools fast: they run for seconds, they need not be lean.
FAST_INSTALL=(env CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version pinned in Cargo.lock.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$PROJECT_ROOT/Cargo.lock"
}

ensure_rust_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (about 8 minutes, once)"
    "${FAST_INSTALL[@]}" cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

ensure_wasm_bindgen() {
  local version
  version="$(locked_wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ] ||
    ! wasm-bindgen-test-runner --version >/dev/null 2>&1; then
    say "Installing wasm-bindgen-cli $version (a few minutes, once)"
    # Not --locked: with it the install fails on a missing webpki-roots.
    "${FAST_INSTALL[@]}" cargo install wasm-bindgen-cli --version "$version" --force
  fi
}

ensure_node() {
  if ! command -v npm >/dev/null 2>&1; then
    say "Installing Node.js and npm"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  fi
}

ensure_wasm_opt() {
  if ! "$BINARYEN_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    ensure_node >&2
    say "Installing wasm-opt $BINARYEN_VERSION (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$BINARYEN_DIR"
    npm install --prefix "$BINARYEN_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
  fi
  # First on PATH, so that Trunk never meets another wasm-opt.
  export PATH="$BINARYEN_DIR/node_modules/.bin:$PATH"
}

ensure_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "Installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  local browser driver
  browser="$(chromium --version 2>/dev/null | grep -oE '[0-9]+' | head -n 1)"
  driver="$(chromedriver --version 2>/dev/null | grep -oE '[0-9]+' | head -n 1)"
  if [ "$browser" != "$driver" ]; then
    say "chromium ($browser) and chromedriver ($driver) differ: upgrading both"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
}

# Installs npm's $1 at version $2 into the tools folder, once ($3 says what for); answers the
# package's folder on stdout.
ensure_npm_package() {
  local package="$1" version="$2" purpose="$3"
  local directory="$TOOLS_DIR/$package-$version"
  if [ ! -f "$directory/node_modules/$package/package.json" ]; then
    ensure_node >&2
    say "Installing $package $version (npm) $purpose" >&2
    mkdir -p "$directory"
    npm install --prefix "$directory" --no-audit --no-fund --loglevel=error "$package@$version" >&2
  fi
  echo "$directory/node_modules/$package"
}

# esbuild minifies release builds (scripts/minify.mjs), which find it on PATH.
ensure_esbuild() {
  local package
  package="$(ensure_npm_package esbuild "$ESBUILD_VERSION" "to minify release builds")"
  PATH="$(dirname "$package")/.bin:$PATH"
  export PATH
}

ensure_axe_core() {
  AXE_CORE_JS="$(ensure_npm_package axe-core "$AXE_CORE_VERSION" "for the accessibility checks")/axe.min.js"
  export AXE_CORE_JS
}

# TypeScript checks embed.js's declarations (src/embed.d.ts) over a host's code.
ensure_typescript() {
  TSC="$(ensure_npm_package typescript "$TYPESCRIPT_VERSION" "to check the embed API's declarations")/bin/tsc"
  export TSC
}

# playwright-core drives Debian's chromium for the benchmark (it downloads no browser).
ensure_playwright_core() {
  PLAYWRIGHT_CORE="$(ensure_npm_package playwright-core "$PLAYWRIGHT_CORE_VERSION" "for the benchmark")"
  export PLAYWRIGHT_CORE
}

# Everything that building the app needs.
ensure_build_tools() {
  ensure_rust_target
  ensure_trunk
  ensure_wasm_bindgen
  # Trunk's post-build hook (scripts/post-build.mjs) runs on Node, as wasm-opt does.
  ensure_node
  ensure_wasm_opt
  ensure_esbuild
}
