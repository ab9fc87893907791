#!/usr/bin/env bash
# Builds the demo image berth/busybox:latest offline: a root filesystem holding
# Debian's static busybox (sh, sleep, httpd, nc, wget, ...), imported into Docker.
set -euo pipefail
IMAGE=${1:-berth/busybox:latest}
if docker image inspect "$IMAGE" >/dev/null 2>&1; then exit 0; fi
bb=$(command -v busybox || true)
[ -n "$bb" ] || { echo "busybox not found: apt-get install busybox-static" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/www"
cp "$bb" "$root/bin/busybox"
for applet in $("$bb" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/:/bin/sh' > "$root/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/:/bin/false' >> "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"
echo '<h1>Hello from Berth</h1>' > "$root/www/index.html"
chmod 1777 "$root/tmp"
tar -C "$root" -c . | docker import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
echo "imported $IMAGE"
