#!/bin/sh
# Writes default.pgo, the CPU profile with which `go build` optimizes the bot
# (profile-guided optimization: -pgo=auto, the default, takes the main
# package's default.pgo), and the same file as cmd/fill/default.pgo, so that
# the fill measures the code the bot runs. Usage: scripts/pgo-profile.sh
#
# The profile is the fill's -html run: 5,000 articles through the poller's
# Push, as a poll stores a fetched feed (parse, cleaning, summary, story
# links, matching, the store's one write), the bot's poll loop without the
# network. Run it again when the hot code has changed much: a stale profile
# still builds and helps less. A new profile makes every package build again
# once (SQLite's C included: a few minutes of CPU).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -tags sqlite_fts5 -pgo=off -o "$tmp/fill" ./cmd/fill
(cd "$tmp" && ./fill -n 5000 -no-prune -reps 1 -html -cpuprofile cpu.pprof >/dev/null)
cp "$tmp/cpu.pprof" default.pgo
cp "$tmp/cpu.pprof" cmd/fill/default.pgo
echo "wrote default.pgo and cmd/fill/default.pgo ($(wc -c <default.pgo) bytes)"
