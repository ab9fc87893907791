#!/usr/bin/env bash
# Starts a Docker daemon if none answers. Tasks use host networking: no bridge,
# no iptables, and live-restore so containers outlive a daemon restart.
set -euo pipefail
if docker info >/dev/null 2>&1; then exit 0; fi
mkdir -p /var/log/berth
echo "starting dockerd"
nohup dockerd --bridge=none --iptables=false --ip6tables=false --live-restore >/var/log/berth/dockerd.log 2>&1 &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then exit 0; fi
  sleep 0.5
done
echo "dockerd did not start; see /var/log/berth/dockerd.log" >&2
tail -20 /var/log/berth/dockerd.log >&2 || true
exit 1
