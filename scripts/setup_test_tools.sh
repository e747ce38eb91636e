#!/usr/bin/env bash
# setup_test_tools.sh: everything the real-libvirt test tiers need, on a Debian 12 machine.
#
#   bash scripts/setup_test_tools.sh      # then: python -m pytest
#
# - Debian packages (as root, through apt-get): real virsh 9.0.0 (libvirt-clients), libvirt's API
#   description (libvirt-dev), and the shells the completion tests drive;
# - a private virsh 12.9.0 under .test-tools/ (scripts/fetch_virsh12.sh);
# - the real QEMU-driver tier: libvirt 9.0.0 and 12.9.0 daemons with small guests
#   (scripts/realqemu/setup.sh; `scripts/realqemu/setup.sh stop 9.0.0 12.9.0` stops them).
# Safe to run again: each step reuses what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# libvirt-clients: real virsh 9.0.0; libvirt-dev: libvirt-api.xml; the shells: completion tests;
# python3-libvirt, libsys-virt-perl, ruby-libvirt, gcc, a JDK: each --format evaluated for real;
# bzip2, xz-utils, zstd: the rotated-log tests of annotate compress with the real tools;
# libvirt-daemon, its QEMU driver, QEMU, openssl and debootstrap: the real QEMU-driver tier
packages=(libvirt-clients libvirt-dev bash-completion zsh fish
          python3-libvirt libsys-virt-perl ruby-libvirt gcc libc6-dev openjdk-17-jdk-headless
          bzip2 xz-utils zstd
          libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils openssl debootstrap)
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
elif command -v dpkg-query >/dev/null; then
    missing=$(for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"
    done)
    [ -z "$missing" ] || echo "setup_test_tools: not root, so install these yourself:" $missing >&2
fi

bash scripts/fetch_virsh12.sh

# Two daemons per release and their guests (stop them with: scripts/realqemu/setup.sh stop)
bash scripts/realqemu/setup.sh start 9.0.0 12.9.0
