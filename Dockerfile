# Newshound container image: a static binary on an empty base.
#   docker build -t newshound .        (or: podman build -t newshound .)
# The database lives on the /data volume; the token comes from the environment
# (NEWSHOUND_TELEGRAM_TOKEN) and the rest from /config/newshound.toml if mounted.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# .git stays out of the build (.dockerignore): give the version and commit
# as build arguments, or -version and /version say "commit unknown":
#   docker build --build-arg VERSION=$(git describe --tags --always) --build-arg COMMIT=$(git rev-parse HEAD) -t newshound .
ARG VERSION=container
ARG COMMIT=unknown
RUN VERSION=$VERSION COMMIT=$COMMIT scripts/build-static.sh /out/newshound \
 && mkdir -p /out/data /out/config \
 && cp deploy/container.toml /out/config/newshound.toml

FROM scratch
# CA certificates for https feeds and Telegram; time zone data for /timezone
# (the binary also embeds Go's tzdata, so the zoneinfo is belt and braces).
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/newshound /newshound
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build /out/config /config
USER 65532:65532
VOLUME ["/data"]
EXPOSE 9090
# scratch has no shell or curl: the binary asks its own /healthz (on
# metrics.listen of the configuration; mount yours with it set). Not ready
# while Telegram is unreachable or the database refuses writes, with why:
# docker inspect --format '{{json .State.Health}}' newshound
HEALTHCHECK --interval=30s --timeout=15s --start-period=2m --retries=3 CMD ["/newshound", "healthcheck", "-config", "/config/newshound.toml"]
ENTRYPOINT ["/newshound"]
CMD ["-config", "/config/newshound.toml"]
