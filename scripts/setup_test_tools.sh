#!/usr/bin/env bash
# setup_test_tools.sh: everything the real-libvirt test tiers need, on a Debian 12 machine.
#
#   bash scripts/setup_test_tools.sh      # then: python -m pytest
#
# - Debian packages (as root, through apt-get): real virsh 9.0.0 (libvirt-clients), libvirt's API
#   description (libvirt-dev), and the shells the completion tests drive;
# - a private virsh 12.9.0 under .test-tools/ (scripts/fetch_virsh12.sh);
# - the real QEMU-driver tier, when the repository has it (scripts/realqemu/setup.sh).
# Safe to run again: each step reuses what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# libvirt-clients: real virsh 9.0.0; libvirt-dev: libvirt-api.xml; the shells: completion tests;
# python3-libvirt, libsys-virt-perl, ruby-libvirt, gcc, a JDK: each --format evaluated for real;
# bzip2, xz-utils, zstd: the rotated-log tests of annotate compress with the real tools
packages=(libvirt-clients libvirt-dev bash-completion zsh fish
          python3-libvirt libsys-virt-perl ruby-libvirt gcc libc6-dev openjdk-17-jdk-headless
          bzip2 xz-utils zstd)
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

if [ -f scripts/realqemu/setup.sh ]; then
    bash scripts/realqemu/setup.sh
fi
