#!/usr/bin/env bash
# Starts nats-server with JetStream for `make up` on 127.0.0.1:4222, unless one answers there.
# Every connection needs a user: deploy/local/nats-users.mjs makes them (docs/security.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .berth/nats .berth/logs
if (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then echo "nats-server already on 127.0.0.1:4222"; exit 0; fi
node deploy/local/nats-users.mjs
nohup nats-server -c .berth/nats.conf -a 127.0.0.1 -p 4222 -m 8222 >.berth/logs/nats-server.log 2>&1 &
echo $! > .berth/nats.pid
for _ in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then echo "nats-server on 127.0.0.1:4222"; exit 0; fi
  sleep 0.1
done
echo "nats-server did not start; see .berth/logs/nats-server.log" >&2
exit 1
