# syntax=docker/dockerfile:1
# Build: a static binary, no cgo (the SQLite driver is pure Go).
# A fixed patch release: 1.26.10 fixes the standard-library vulnerabilities
# govulncheck reports for 1.26.8 (docs/reliability.md); raise it with each
# Go security release.
FROM golang:1.26.10-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=docker
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/claimboard ./cmd/claimboard \
 && mkdir -p /out/data

# Run: no shell, no compiler, not root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/claimboard /usr/local/bin/claimboard
COPY --from=build --chown=nonroot:nonroot /out/data /data
USER nonroot:nonroot
ENV CLAIMBOARD_ADDR=0.0.0.0:8080 \
    DATABASE_URL=/data/claimboard.db
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/claimboard"]
CMD ["serve"]
