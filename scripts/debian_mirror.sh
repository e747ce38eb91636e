#!/usr/bin/env bash
# debian_mirror.sh: print the Debian mirror this host's apt sources use for the main archive
# (DEBIAN_MIRROR overrides it). The test-tool scripts take trixie packages from the same mirror
# the host already trusts, so no address is written into the repository.
set -euo pipefail
if [ -n "${DEBIAN_MIRROR:-}" ]; then
    printf '%s\n' "$DEBIAN_MIRROR"
    exit 0
fi
found=$(
    { sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
      sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' \
          /etc/apt/sources.list 2>/dev/null || true; } |
    tr ' ' '\n' | grep -v -- '-security' | grep -m1 '/debian/\?$' || true
)
[ -n "$found" ] || { echo "debian_mirror.sh: no Debian mirror in this host's apt sources; set DEBIAN_MIRROR" >&2; exit 1; }
printf '%s\n' "$found"
