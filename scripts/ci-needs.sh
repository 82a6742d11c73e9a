#!/bin/sh
# Checks, in a second, what .ci/run needs beyond the README's Go and C
# compiler, before its vet and tests spend minutes: the static C library
# that scripts/build-static.sh links (Debian: build-essential, which brings
# libc6-dev; Fedora: glibc-static, which gcc does not bring; Alpine:
# musl-dev), git (scripts/fuzz.sh tells new fuzz inputs by git ls-files)
# and timeout (coreutils). Exits 1 naming what is missing.
set -eu
cc=${CC:-$(go env CC 2>/dev/null || echo gcc)}
missing=0
libc=$($cc -print-file-name=libc.a 2>/dev/null || true)
if [ ! -f "$libc" ]; then
	echo "ci-needs: no static C library (libc.a) for $cc: the static binary cannot be linked; install it (Debian: apt-get install build-essential; Fedora: dnf install glibc-static; Alpine: apk add musl-dev)" >&2
	missing=1
fi
for tool in git timeout; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "ci-needs: no $tool on PATH (scripts/fuzz.sh runs it)" >&2
		missing=1
	fi
done
exit "$missing"
