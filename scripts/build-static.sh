#!/bin/sh
# Builds a static Linux binary of Newshound, with its version stamped in, and
# checks that it is static. Usage: scripts/build-static.sh [OUTPUT]
# Needs Go, a C compiler and the static C library (Debian: build-essential,
# which brings libc6-dev with libc.a). On Alpine, musl-dev works as well.
set -eu
cd "$(dirname "$0")/.."
out=${1:-newshound}
version=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo devel)}
commit=${COMMIT:-$(git rev-parse HEAD 2>/dev/null || echo unknown)}
date=${BUILD_DATE:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
CGO_ENABLED=1 go build -trimpath -tags sqlite_fts5,sqlite_omit_load_extension,netgo,osusergo \
	-ldflags "-s -w -X main.version=$version -X main.commit=$commit -X main.buildDate=$date -linkmode external -extldflags -static" \
	-o "$out" .
if command -v ldd >/dev/null 2>&1 && ldd "$out" >/dev/null 2>&1; then
	echo "build-static: $out is a dynamic executable:" >&2
	ldd "$out" >&2
	exit 1
fi
echo "built $out: $("./$out" -version 2>/dev/null || "$out" -version)"
