# syntax=docker/dockerfile:1
#
# Vigie in a container: one static binary, every command (ingest, classify,
# store, dashboard, migrate, reclassify, ...), chosen by the container command.
#
#   docker build -t vigie:local .
#   docker run --rm vigie:local --help
#
# The binary embeds the lingua-go language models, so it weighs about 160 MB
# (the final image about 170 MB). Building needs about 2 GB of memory.

# ---- build: a static binary, no cgo, reproducible paths ---------------------
# The newest 1.26 patch release (go.mod's version): it carries the standard-library
# fixes that govulncheck asks for (go1.26.10 or later).
FROM golang:1.26 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-mod=readonly
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags "-s -w" -o /out/vigie ./cmd/vigie \
 && /out/vigie version

# ---- run: alpine for its busybox wget (the healthcheck) and CA certificates ---
FROM alpine:3.22
RUN addgroup -S -g 10001 vigie \
 && adduser -S -D -H -u 10001 -G vigie -h /var/lib/vigie -s /sbin/nologin vigie \
 && mkdir -p /var/lib/vigie \
 && chown vigie:vigie /var/lib/vigie
COPY --from=build /out/vigie /usr/local/bin/vigie
# --data: state of the stages (source checkpoints); a volume in docker-compose.yml.
ENV VIGIE_DATA=/var/lib/vigie
WORKDIR /var/lib/vigie
USER 10001:10001
# 8080: the dashboard (--http); 9464: /metrics, /healthz, /readyz (--metrics-addr).
EXPOSE 8080 9464
# /healthz on the port of --metrics-addr (VIGIE_METRICS_ADDR, default 9464).
# One-shot commands (migrate, reclassify, ...) serve no metrics: compose
# disables the healthcheck for them.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD port="${VIGIE_METRICS_ADDR##*:}"; wget -q -T 3 -O /dev/null "http://127.0.0.1:${port:-9464}/healthz" || exit 1
ENTRYPOINT ["/usr/local/bin/vigie"]
CMD ["--help"]
