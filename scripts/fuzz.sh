#!/usr/bin/env bash
# Runs every Go fuzz target of the module for FUZZTIME each (default 3s),
# one after the other. A failure stops the run and leaves the failing input
# in the package's testdata/fuzz/FuzzX/ directory (see FUZZING.md).
#
#   scripts/fuzz.sh                 # CI: 3 s each
#   FUZZTIME=2m scripts/fuzz.sh     # the longer run of FUZZING.md
#   scripts/fuzz.sh ./feeds/        # one package's targets
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-3s}
pkgs=("$@")
if [ ${#pkgs[@]} -eq 0 ]; then
	mapfile -t pkgs < <(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u)
fi
for pkg in "${pkgs[@]}"; do
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "${pkg%/}"/*_test.go | sed 's/^func //' | sort -u); do
		echo "fuzz $pkg $target ($fuzztime)"
		go test -tags sqlite_fts5 -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
	done
done
