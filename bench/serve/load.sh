#!/usr/bin/env bash
# Load benchmark of `segue serve` (a benchmark, not a test): POST /api/continue with varied 5-seed
# playlists of the dataset, then the trivial GET /health/live of the same server, each with wrk
# on 127.0.0.1 only and bounded in time; the server's memory (RSS) before and after the long run.
#
#   bench/serve/load.sh RUN|MODEL DATASET [SECONDS] [CONNECTIONS]
#
# Build first (dotnet build src/Segue.Cli -c Release); SEGUE overrides how segue is started.
# Needs wrk and curl (apt-get install wrk curl).
set -euo pipefail
model=$1 dataset=$2 seconds=${3:-60} connections=${4:-8}
segue=${SEGUE:-dotnet $(dirname "$0")/../../src/Segue.Cli/bin/Release/net10.0/segue.dll}
port=${PORT:-5099}
url=http://127.0.0.1:$port
work=$(mktemp -d)
trap 'kill -TERM $server 2>/dev/null || true; rm -rf "$work"' EXIT

$segue serve "$model" --dataset "$dataset" --urls "$url" > "$work/server.log" 2>&1 &
server=$!
until curl -sf "$url/health/ready" > /dev/null; do
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
grep -m1 "ready in" "$work/server.log" || true
# Anonymous memory (the heap: what a leak grows) apart from file pages (the memory-mapped dataset
# and model, which grow as requests touch more of them, and which the kernel can drop).
rss() { awk '/RssAnon|RssFile/ { printf "%s %.0f MB  ", $1, $2 / 1024 }' /proc/$server/status; }

# 500 playlists spread over the dataset, the first 5 tracks of each (as many as it has below 5).
set +o pipefail   # head closes the pipe early, by design
playlists=$(curl -sf "$url/api/stats" | grep -o '"playlists":[0-9]*' | head -1 | cut -d: -f2)
for i in $(seq 0 499); do
  pid=$(( i * (playlists / 500) ))
  curl -sf "$url/api/playlists/$pid" | grep -o '"uri":"spotify:track:[^"]*"' | head -5 | cut -d'"' -f4 \
    | awk 'BEGIN { printf "{\"tracks\": [" } { printf "%s\"%s\"", (NR > 1 ? ", " : ""), $0 } END { print "], \"k\": 50}" }'
done > "$work/bodies.jsonl"
set -o pipefail
echo "bodies: $(wc -l < "$work/bodies.jsonl") playlists of 5 seeds, k = 50"

export BODIES=$work/bodies.jsonl
wrk -t1 -c"$connections" -d10s -s "$(dirname "$0")/continue.lua" "$url" > /dev/null   # warm-up
echo "RSS before: $(rss)"
echo "== POST /api/continue, ${seconds} s, $connections connections"
wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$(dirname "$0")/continue.lua" "$url" &
client=$!
for ((t = 15; t < seconds; t += 15)); do sleep 15; echo "RSS at ${t} s: $(rss)"; done
wait $client
echo "RSS after: $(rss)"
echo "== GET /health/live (trivial), 20 s, $connections connections"
wrk -t1 -c"$connections" -d20s --latency "$url/health/live"
echo "requests logged: $(grep -c 'Path: /api/continue' "$work/server.log")"

kill -TERM $server
wait $server && echo "server drained and exited 0 on SIGTERM" || echo "server exited $? on SIGTERM"
grep -h "scratch sets" "$work/server.log" || true
trap 'rm -rf "$work"' EXIT
