# shellcheck shell=bash
# Shared setup of the seed-article end-to-end tests; sourced, not run:
#
#   source "$(dirname "$0")/e2e_lib.sh"
#
# Sets
#   shared  the ../shared directory beside the repository
#   seeds   its seed articles ($shared/corpus/seeds)
#   py      /usr/bin/python3 (Debian's, which sees networkx, rdflib, ...)
#           or else the python3 on PATH
# and defines e2e_tmpdir and for_each_seed below.

e2e_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="$(cd "$e2e_dir/../.." && pwd)/shared"
seeds="$shared/corpus/seeds"
py=/usr/bin/python3
[[ -x $py ]] || py=python3

# Sets tmp to a fresh directory that is removed when the script exits.
e2e_tmpdir() {
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
}

# Runs `"$@" [--date DATE] FILE` once per seed article, in docs.jsonl order,
# with the article's date when it has one (tests/seed_dates.py). Needs tmp.
for_each_seed() {
  [[ -f "$tmp/seed_dates" ]] ||
    "$py" "$e2e_dir/seed_dates.py" "$seeds/docs.jsonl" > "$tmp/seed_dates"
  local doc date args
  while read -r doc date; do
    args=()
    [[ -n "$date" ]] && args=(--date "$date")
    "$@" "${args[@]}" "$seeds/$doc"
  done < "$tmp/seed_dates"
}
