#!/usr/bin/env bash
# Stops what `make up` started and removes Berth's containers. Leaves the Docker daemon running.
set -uo pipefail
cd "$(dirname "$0")/.."
# The supervisor first: it restarts any service that exits, so it must not see them go.
if [ -f .berth/supervisor.pid ]; then
  sup=$(cat .berth/supervisor.pid)
  kill "$sup" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$sup" 2>/dev/null || break; sleep 0.5; done
  rm -f .berth/supervisor.pid
fi
for f in .berth/pids/*.pid; do
  [ -e "$f" ] || continue
  kill "$(cat "$f")" 2>/dev/null || true
done
for _ in $(seq 1 30); do
  alive=0
  for f in .berth/pids/*.pid; do [ -e "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && break
  sleep 0.5
done
rm -f .berth/pids/*.pid
if [ -f .berth/nats.pid ]; then kill "$(cat .berth/nats.pid)" 2>/dev/null || true; rm -f .berth/nats.pid; fi
if docker info >/dev/null 2>&1; then
  ids=$(docker ps -aq --filter label=berth.managed=true)
  [ -z "$ids" ] || docker rm -f $ids >/dev/null
fi
echo "Berth stopped; its containers are removed."
