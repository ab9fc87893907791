#!/usr/bin/env bash
# Starts nats-server with JetStream for `make up` on 127.0.0.1:4222, unless one answers there.
# Every connection needs TLS and a user: deploy/local/nats-users.mjs makes them (docs/security.md).
# The monitoring port tells anyone every user and subscription: it is off unless
# BERTH_NATS_MONITOR_PORT names one.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .berth/nats .berth/logs
if (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then echo "nats-server already on 127.0.0.1:4222"; exit 0; fi
node deploy/local/nats-users.mjs
monitor=()
[ -n "${BERTH_NATS_MONITOR_PORT:-}" ] && monitor=(-m "$BERTH_NATS_MONITOR_PORT")
nohup nats-server -c .berth/nats.conf -a 127.0.0.1 -p 4222 "${monitor[@]}" >.berth/logs/nats-server.log 2>&1 &
echo $! > .berth/nats.pid
for _ in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then echo "nats-server on 127.0.0.1:4222"; exit 0; fi
  sleep 0.1
done
echo "nats-server did not start; see .berth/logs/nats-server.log" >&2
exit 1
