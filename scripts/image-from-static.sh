#!/bin/sh
# Builds the container image's final (scratch) stage from a static binary made
# by scripts/build-static.sh on this machine, without pulling the Go image:
#   scripts/image-from-static.sh newshound [TAG]     (podman, or docker)
# It is the same image as the Dockerfile's, for machines that cannot reach a
# registry.
set -eu
bin=${1:?usage: scripts/image-from-static.sh STATIC-BINARY [TAG]}
tag=${2:-newshound:latest}
root=$(cd "$(dirname "$0")/.." && pwd)
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
mkdir -p "$ctx/data" "$ctx/config"
cp "$bin" "$ctx/newshound"
cp "$root/deploy/container.toml" "$ctx/config/newshound.toml"
cp /etc/ssl/certs/ca-certificates.crt "$ctx/"
cp -r /usr/share/zoneinfo "$ctx/zoneinfo"
cat > "$ctx/Containerfile" <<'END'
FROM scratch
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY zoneinfo /usr/share/zoneinfo
COPY newshound /newshound
COPY --chown=65532:65532 data /data
COPY config /config
USER 65532:65532
VOLUME ["/data"]
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=15s --start-period=2m --retries=3 CMD ["/newshound", "healthcheck", "-config", "/config/newshound.toml"]
ENTRYPOINT ["/newshound"]
CMD ["-config", "/config/newshound.toml"]
END
engine=$(command -v podman || command -v docker)
format=
case "$engine" in
*podman) format="--format docker" ;; # the OCI format has no HEALTHCHECK: podman would drop it
esac
# shellcheck disable=SC2086
"$engine" build $format -t "$tag" -f "$ctx/Containerfile" "$ctx"
