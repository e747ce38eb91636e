#!/usr/bin/env bash
# fetch_virsh12.sh [DIR]: a private virsh 12.9.0 for the newest-release cross-checks.
#
# Debian 12 ships libvirt 9.0.0. The tests also compare migflags with libvirt 12.9.0, which
# Debian publishes in trixie-backports. This script downloads the four packages that virsh
# needs from that suite (libvirt-clients, libvirt0, and trixie's libc6 and libssh-4, whose
# symbol versions libvirt 12.9.0 requires), unpacks them under DIR, and writes DIR/virsh: a
# wrapper that starts the unpacked virsh through trixie's own dynamic loader. Nothing is
# installed system-wide and no root is needed.
#
# apt runs with a private configuration (APT_CONFIG), so the host's sources and preferences
# are neither read nor changed; the Debian archive keyring checks the index signatures and
# apt checks every package's hash against the signed index.
#
# DIR defaults to .test-tools/virsh-12.9.0 inside the repository, which is where
# tests/virsh_oracle.py looks when MIGFLAGS_VIRSH12 is not set. Running it again reuses what
# is already there (REFRESH=1 downloads the package lists again).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd -P)
dir=${1:-$here/.test-tools/virsh-12.9.0}
version=${LIBVIRT_VERSION:-12.9.0-1~bpo13+1}
expect=${EXPECT_VERSION:-12.9.0}
keyring=${DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}

log() { printf 'fetch_virsh12: %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

[ "$(uname -m)" = x86_64 ] || fail "only x86_64 hosts are supported"
for tool in apt-get dpkg-deb sha256sum; do
    command -v "$tool" >/dev/null || fail "$tool is missing (a Debian host is needed)"
done
[ -r "$keyring" ] || fail "$keyring is missing (package debian-archive-keyring)"

mirror=$(bash "$here/scripts/debian_mirror.sh")

mkdir -p "$dir"
dir=$(cd "$dir" && pwd -P)
case "$dir" in *[[:space:]\'\"\$\`\\]*) fail "DIR must not contain spaces or quotes: $dir" ;; esac
apt=$dir/apt
mkdir -p "$apt/etc/preferences.d" "$apt/etc/apt.conf.d" "$apt/etc/sources.list.d" \
         "$apt/lists/partial" "$apt/archives/partial" "$dir/debs"
: >"$apt/status"
cat >"$apt/apt.conf" <<EOF
Dir::Etc "$apt/etc/";
Dir::Etc::main "/dev/null";
Dir::Etc::SourceList "sources.list";
Dir::State "$apt/";
Dir::State::Lists "lists/";
Dir::State::status "$apt/status";
Dir::Cache "$apt/";
Dir::Cache::archives "archives/";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
APT::Sandbox::User "$(id -un)";
Acquire::Languages "none";
EOF
cat >"$apt/etc/sources.list" <<EOF
deb [arch=amd64 signed-by=$keyring] $mirror trixie main
deb [arch=amd64 signed-by=$keyring] $mirror trixie-backports main
EOF
export APT_CONFIG=$apt/apt.conf LC_ALL=C

if [ "${REFRESH:-0}" = 1 ] || ! ls "$apt/lists/"*InRelease >/dev/null 2>&1; then
    log "reading trixie and trixie-backports package lists"
    apt-get -q update >"$apt/update.log" 2>&1 || { cat "$apt/update.log" >&2; fail "apt-get update"; }
    ! grep -E '^(W|E):' "$apt/update.log" >&2 || fail "apt-get update complained (see above)"
fi

specs=("libvirt-clients=$version" "libvirt0=$version" "libc6/trixie" "libssh-4/trixie")
stamp=""
for spec in "${specs[@]}"; do
    # --print-uris reads name, size and SHA256 from the signed index
    read -r _ file size sum < <(apt-get -q download --print-uris "$spec" 2>"$apt/resolve.log") ||
        { cat "$apt/resolve.log" >&2; fail "$spec is not in the index (superseded?)"; }
    sum=${sum#SHA256:}
    deb=$dir/debs/$file
    if [ ! -f "$deb" ] || [ "$(sha256sum <"$deb" | cut -d' ' -f1)" != "$sum" ]; then
        log "downloading $file"
        rm -f "$deb"
        (cd "$dir/debs" && apt-get -q download "$spec") >"$apt/download.log" 2>&1 ||
            { cat "$apt/download.log" >&2; fail "download of $spec"; }
    fi
    [ "$(stat -c %s "$deb")" = "$size" ] && [ "$(sha256sum <"$deb" | cut -d' ' -f1)" = "$sum" ] ||
        fail "$file does not match its signed index entry"
    stamp+="$sum "
done

if [ "$(cat "$dir/root/.stamp" 2>/dev/null)" != "$stamp" ]; then
    log "unpacking"
    rm -rf "$dir/root"
    mkdir -p "$dir/root"
    for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
    printf '%s' "$stamp" >"$dir/root/.stamp"
fi

lib=$dir/root/usr/lib/x86_64-linux-gnu
cat >"$dir/virsh" <<EOF
#!/bin/sh
# virsh $expect unpacked from Debian trixie-backports, run by trixie's loader (fetch_virsh12.sh)
exec '$lib/ld-linux-x86-64.so.2' --library-path '$lib:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu' '$dir/root/usr/bin/virsh' "\$@"
EOF
chmod 755 "$dir/virsh"

missing=$("$lib/ld-linux-x86-64.so.2" --list --library-path "$lib:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu" \
    "$dir/root/usr/bin/virsh" | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries missing on this host (install libvirt-clients):
$missing"
got=$("$dir/virsh" --version)
[ "$got" = "$expect" ] || fail "virsh --version says $got, expected $expect"
listed=$("$dir/virsh" -c test:///default list --all) || fail "virsh cannot use the test driver"
case "$listed" in *" test "*) ;; *) fail "virsh lists no test domain: $listed" ;; esac
log "virsh $got is ready: $dir/virsh"
