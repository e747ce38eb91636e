#!/usr/bin/env bash
# Build (once) a Debian trixie root with libvirt 12.9.0 from trixie-backports and trixie's QEMU,
# for the libvirt 12.9.0 pair of the real-QEMU tier. Idempotent: a finished root is left alone.
# Usage: trixie-root.sh ROOT [MIRROR]
set -euo pipefail
root=${1:?usage: trixie-root.sh ROOT [MIRROR]}
mirror=${2:-$(bash "$(dirname "$0")/../debian_mirror.sh")}
want=12.9.0-1~bpo13+1

if [ -x "$root/usr/sbin/libvirtd" ] && chroot "$root" dpkg-query -W -f='${Version}' libvirt-daemon 2>/dev/null | grep -qx "$want"; then
    echo "trixie root ready: $root"
    exit 0
fi

if [ ! -x "$root/usr/bin/apt-get" ]; then
    rm -rf "$root"
    debootstrap --variant=minbase trixie "$root" "$mirror"
fi

cat > "$root/etc/apt/sources.list" <<SRC
deb $mirror trixie main
deb $mirror trixie-backports main
SRC
# libvirt from backports (trixie's own candidate is older); everything else from trixie.
cat > "$root/etc/apt/preferences.d/libvirt-backports" <<PIN
Package: src:libvirt
Pin: release n=trixie-backports
Pin-Priority: 990

Package: libvirt* libnss-libvirt
Pin: release n=trixie-backports
Pin-Priority: 990
PIN
# No service may start inside the root while packages are installed.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

mounted_proc=0
if ! mountpoint -q "$root/proc"; then mount -t proc proc "$root/proc"; mounted_proc=1; fi
cleanup() { if [ "$mounted_proc" = 1 ]; then umount "$root/proc" || true; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
chroot "$root" apt-get update -qq
chroot "$root" apt-get install -y -qq --no-install-recommends \
    "libvirt-daemon=$want" "libvirt-daemon-driver-qemu=$want" "libvirt-clients=$want" \
    "libvirt0=$want" "libvirt-common=$want" "libvirt-l10n=$want" \
    qemu-system-x86 qemu-utils ca-certificates >/dev/null
chroot "$root" apt-get clean
chroot "$root" dpkg-query -W -f='${Version}\n' libvirt-daemon | grep -qx "$want"
echo "trixie root ready: $root"
