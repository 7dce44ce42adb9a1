#!/usr/bin/env bash
# Installs the npm package kuzu (embedded graph database, pinned 0.11.3) into
# a cache directory outside the repository, for tests/e2e_kuzu.sh. Its
# node_modules is ~570 MB, so it never goes into the tree.
#
#   bash scripts/install-kuzu.sh [DIR]     (default: $CLAIMGRAPH_KUZU_DIR or ~/.cache/claimgraph-kuzu)
#
# Prints DIR on success. Exits 77 (the test suite's "skip") when node or npm
# is missing or the registry cannot be reached, 0 when kuzu is already there.
set -euo pipefail
version=0.11.3
dir=${1:-${CLAIMGRAPH_KUZU_DIR:-$HOME/.cache/claimgraph-kuzu}}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install-kuzu.sh: node and npm are needed (apt-get install nodejs npm)" >&2
  exit 77
fi
if [[ -f "$dir/node_modules/kuzu/package.json" ]] &&
   grep -q "\"version\": \"$version\"" "$dir/node_modules/kuzu/package.json"; then
  echo "$dir"
  exit 0
fi
mkdir -p "$dir"
[[ -f "$dir/package.json" ]] || echo '{"name": "claimgraph-kuzu", "private": true}' > "$dir/package.json"
# npm 11 warns that kuzu's install script is not allowed: harmless, the
# linux-x64 binary is in the tarball.
if ! timeout 300 npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
       "kuzu@$version" >&2; then
  echo "install-kuzu.sh: npm could not install kuzu@$version (registry unreachable?)" >&2
  exit 77
fi
if ! (cd "$dir" && node -e 'require("kuzu")') >/dev/null 2>&1; then
  echo "install-kuzu.sh: kuzu@$version installed but does not load on this platform" >&2
  exit 77
fi
echo "$dir"
