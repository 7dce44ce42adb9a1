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
# and defines e2e_tmpdir and for_each_seed below, and for scripts that check
# the command line: fail, run, err_has and out_has (they need bin and tmp).

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

# fail MESSAGE: counts a failure in $failures and prints it; the script
# exits with it at the end.
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# run EXPECTED_EXIT ARGS...: runs $bin with stdin from $STDIN (default
# /dev/null), output in $tmp/out and $tmp/err; fails unless it exits with
# EXPECTED_EXIT.
run() {
  local want=$1
  shift
  # shellcheck disable=SC2154  # bin is the calling script's
  "$bin" "$@" > "$tmp/out" 2> "$tmp/err" < "${STDIN:-/dev/null}"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "claimgraph $* exited $got, want $want; stderr: $(head -c 400 "$tmp/err")"
    return 1
  fi
  return 0
}
# err_has TEXT / out_has TEXT: stderr / stdout of the last run contains TEXT.
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks \"$1\": $(head -c 400 "$tmp/err")"; }
out_has() { grep -qF -- "$1" "$tmp/out" || fail "stdout lacks \"$1\": $(head -c 400 "$tmp/out")"; }
