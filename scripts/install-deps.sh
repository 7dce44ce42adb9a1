#!/usr/bin/env bash
# Installs the Debian packages claimgraph needs to build (and with --test, to
# run its test suite; with --fuzz, to build the libFuzzer target), and nothing
# that is already there.
#
#   bash scripts/install-deps.sh [--test | --fuzz]
#
# Quiet and idempotent when everything is installed. Needs root (or sudo)
# only when something is missing; otherwise it prints what to install and
# fails.
set -euo pipefail

build_pkgs=(cmake g++ make pkg-config librocksdb-dev libre2-dev nlohmann-json3-dev
            libgraphviz-dev graphviz catch2 libcli11-dev)
test_pkgs=(libxml2-utils python3 python3-networkx python3-igraph python3-rdflib python3-pyld
           python3-lxml python3-pygraphviz python3-pydot)

want=("${build_pkgs[@]}")
case "${1:-}" in
  --test) want+=("${test_pkgs[@]}")
          # check-exports runs jsonld.js and oxigraph under node. Debian's npm
          # conflicts with a node installed from elsewhere, so only install
          # them when neither is on PATH.
          if ! command -v node >/dev/null 2>&1; then want+=(nodejs); fi
          if ! command -v npm >/dev/null 2>&1; then want+=(npm); fi ;;
  --fuzz) want+=(clang libclang-rt-14-dev) ;;  # scripts/fuzz.sh: clang's libFuzzer runtime
  "") ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "install-deps.sh: unknown option: $1 (use --test, --fuzz or nothing)" >&2; exit 1 ;;
esac

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == installed ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "install-deps.sh: missing packages: ${missing[*]}" >&2
  echo "install them as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "install-deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
