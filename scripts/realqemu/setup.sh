#!/usr/bin/env bash
# The real-QEMU test tier's machine set-up: two libvirt daemons per release on this one machine
# (a source and a destination, each in its own mount namespace with its own private libvirt
# directories, TCP port and host UUID) and a handful of small guests without an OS.
#
#   setup.sh [start] [RELEASE...]   install, configure, start daemons and guests (idempotent)
#   setup.sh stop    [RELEASE...]   stop the guests and daemons this script started
#                                   (teardown.sh does the same)
#   setup.sh status  [RELEASE...]   show what runs
#
# RELEASE is 9.0.0 (Debian 12's own libvirt, the default) and/or 12.9.0 (libvirt from
# trixie-backports in a debootstrapped trixie root, with trixie's QEMU). Everything lives under
# $MIGFLAGS_REALQEMU_DIR (default /var/tmp/migflags-realqemu); the tests find it through
# $MIGFLAGS_REALQEMU_DIR/realqemu.json, which this script writes. Needs root.
set -euo pipefail

STATE=${MIGFLAGS_REALQEMU_DIR:-/var/tmp/migflags-realqemu}
# the Debian mirror the host already uses (scripts/debian_mirror.sh; DEBIAN_MIRROR overrides it)
MIRROR=${MIGFLAGS_DEBIAN_MIRROR:-$(bash "$(dirname "$0")/../debian_mirror.sh")}
HERE=$(cd "$(dirname "$0")" && pwd)
GUESTS=(mf-ro mf-rw mf-wb mf-cd mf-off mf-paused mf-tr mf-tdisk mf-shm mf-shm-peer mf-shm-master)

say() { printf '[realqemu] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# ---- per-release facts -------------------------------------------------------------------
# root: "" for the host's own libvirt, else the chroot; ports: source TCP, destination TCP,
# then the first migration port of each daemon (ranges of 20).
release_root() { case $1 in 9.0.0) echo "" ;; 12.9.0) echo "$STATE/trixie" ;; *) die "unknown release $1" ;; esac; }
release_ports() { case $1 in 9.0.0) echo "16591 16592 49400 49420" ;; 12.9.0) echo "16593 16594 49440 49460" ;; esac; }
host_uuid() { # fixed per daemon: libvirt must see two different hosts
    case $1-$2 in
        9.0.0-src) echo 6d666c61-6773-4000-8000-000000090001 ;;
        9.0.0-dst) echo 6d666c61-6773-4000-8000-000000090002 ;;
        12.9.0-src) echo 6d666c61-6773-4000-8000-000000129001 ;;
        12.9.0-dst) echo 6d666c61-6773-4000-8000-000000129002 ;;
    esac
}
# Inside the daemon's view (the chroot for 12.9.0) the private directories are mounted here.
PRIVATE=(run/libvirt var/lib/libvirt var/cache/libvirt var/log/libvirt etc/libvirt)

# ---- packages and accounts ---------------------------------------------------------------
install_packages() {
    local missing=()
    for pkg in libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 qemu-utils openssl debootstrap python3-libvirt; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        flock /tmp/apt.lock apt-get update -qq
        flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    # libvirt's QEMU driver refuses to load without this account, whatever qemu.conf says
    # (Debian makes it in libvirt-daemon-system, which drags in systemd and polkit).
    getent group kvm >/dev/null || groupadd --system kvm
    getent group libvirt-qemu >/dev/null || groupadd --system libvirt-qemu
    getent passwd libvirt-qemu >/dev/null ||
        useradd --system --gid libvirt-qemu --groups kvm --home-dir /nonexistent --shell /usr/sbin/nologin libvirt-qemu
    # The destination QEMU listens on this machine's host name (a loopback migration_host is
    # refused by libvirt), so that name must resolve.
    local name; name=$(hostname)
    getent hosts "$name" >/dev/null || echo "127.0.0.1 $name" >> /etc/hosts
}

# ---- TLS: a throw-away CA, one server and one client certificate -------------------------
make_certs() {
    local dir=$STATE/pki
    [ -s "$dir/client-key.pem" ] && return 0
    say "making TLS certificates in $dir"
    mkdir -p "$dir"
    local name; name=$(hostname)
    (
        cd "$dir"
        openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=migflags test CA" \
            -keyout ca-key.pem -out ca-cert.pem 2>/dev/null
        for role in server client; do
            printf 'subjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n' \
                "$name" > "$role.ext"
            openssl req -newkey rsa:2048 -nodes -subj "/CN=$name" \
                -keyout "$role-key.pem" -out "$role.csr" 2>/dev/null
            openssl x509 -req -in "$role.csr" -CA ca-cert.pem -CAkey ca-key.pem -CAcreateserial \
                -days 3650 -extfile "$role.ext" -out "$role-cert.pem" 2>/dev/null
            rm -f "$role.csr" "$role.ext"
        done
        chmod 644 ./*.pem
    )
}

# ---- the 12.9.0 root ---------------------------------------------------------------------
make_root() {
    local root=$1
    "$HERE/trixie-root.sh" "$root" "$MIRROR" >&2
    cp /etc/hosts "$root/etc/hosts"
    mkdir -p "$root/etc/pki/qemu"
    cp "$STATE"/pki/{ca-cert,server-cert,server-key,client-cert,client-key}.pem "$root/etc/pki/qemu/"
}

# ---- daemons ------------------------------------------------------------------------------
daemon_dir() { echo "$STATE/$1/$2"; }
tcp_port() { local p; read -r -a p <<< "$(release_ports "$1")"; if [ "$2" = src ]; then echo "${p[0]}"; else echo "${p[1]}"; fi; }
uri() { echo "qemu+tcp://127.0.0.1:$(tcp_port "$1" "$2")/system"; }

virsh_cmd() { # virsh of the release, as an argv prefix
    local root; root=$(release_root "$1")
    if [ -z "$root" ]; then echo /usr/bin/virsh; else echo "chroot $root /usr/bin/virsh"; fi
}
vsh() { local rel=$1 role=$2; shift 2; LC_ALL=C $(virsh_cmd "$rel") -q -c "$(uri "$rel" "$role")" "$@"; }

write_configs() {
    local rel=$1 role=$2 dir; dir=$(daemon_dir "$rel" "$role")
    local p; read -r -a p <<< "$(release_ports "$rel")"
    local mig_min; if [ "$role" = src ]; then mig_min=${p[2]}; else mig_min=${p[3]}; fi
    local pki; if [ -z "$(release_root "$rel")" ]; then pki=$STATE/pki; else pki=/etc/pki/qemu; fi
    mkdir -p "$dir"/{run,lib/images,cache,log,etc}
    cat > "$dir/etc/libvirtd.conf.tmp" <<CONF
# written by migflags scripts/realqemu/setup.sh ($rel $role)
listen_tcp = 1
listen_tls = 0
listen_addr = "127.0.0.1"
tcp_port = "$(tcp_port "$rel" "$role")"
auth_tcp = "none"
host_uuid = "$(host_uuid "$rel" "$role")"
log_filters = "1:util.error 1:qemu 1:libvirt 3:object 3:json 3:event 3:util 3:rpc"
log_outputs = "1:file:/var/log/libvirt/libvirtd.log"
CONF
    cat > "$dir/etc/qemu.conf.tmp" <<CONF
# written by migflags scripts/realqemu/setup.sh ($rel $role): no sandbox, this is a test box
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
cgroup_controllers = [ ]
namespaces = [ ]
stdio_handler = "file"
migration_port_min = $mig_min
migration_port_max = $((mig_min + 19))
migrate_tls_x509_cert_dir = "$pki"
migrate_tls_x509_verify = 1
CONF
    # etc/libvirt is mounted from "$dir/etc"
    mv "$dir/etc/libvirtd.conf.tmp" "$dir/etc/libvirtd.conf"
    mv "$dir/etc/qemu.conf.tmp" "$dir/etc/qemu.conf"
}

daemon_pid() { # pid of a running daemon, or nothing
    local pidfile; pidfile=$(daemon_dir "$1" "$2")/run/libvirtd.pid
    [ -s "$pidfile" ] || return 0
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null && grep -q libvirtd "/proc/$pid/cmdline" 2>/dev/null; then echo "$pid"; fi
}

start_daemon() {
    local rel=$1 role=$2 dir root; dir=$(daemon_dir "$rel" "$role"); root=$(release_root "$rel")
    if [ -n "$(daemon_pid "$rel" "$role")" ] && vsh "$rel" "$role" version >/dev/null 2>&1; then
        return 0
    fi
    write_configs "$rel" "$role"
    rm -f "$dir/run/libvirtd.pid"
    # The debug log grows by some MB per migration: start afresh when it got large.
    if [ -f "$dir/log/libvirtd.log" ] && [ "$(stat -c %s "$dir/log/libvirtd.log")" -gt 268435456 ]; then
        : > "$dir/log/libvirtd.log"
    fi
    # The private directories, in the order of PRIVATE.
    local srcs=("$dir/run" "$dir/lib" "$dir/cache" "$dir/log" "$dir/etc")
    local script="set -e"
    if [ -n "$root" ]; then
        script+="; mount -t proc proc '$root/proc'; mount --rbind /sys '$root/sys'; mount --rbind /dev '$root/dev'"
    fi
    local i
    for i in "${!PRIVATE[@]}"; do
        mkdir -p "$root/${PRIVATE[$i]}"
        script+="; mount --bind '${srcs[$i]}' '$root/${PRIVATE[$i]}'"
    done
    if [ -n "$root" ]; then
        script+="; exec chroot '$root' /usr/sbin/libvirtd -f /etc/libvirt/libvirtd.conf -p /run/libvirt/libvirtd.pid --listen"
    else
        script+="; exec /usr/sbin/libvirtd -f /etc/libvirt/libvirtd.conf -p /run/libvirt/libvirtd.pid --listen"
    fi
    say "starting libvirtd $rel $role on $(uri "$rel" "$role")"
    setsid unshare -m --propagation private sh -c "$script" \
        </dev/null >"$dir/log/daemon.out" 2>&1 &
    local n
    for n in $(seq 1 100); do
        if vsh "$rel" "$role" version >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    cat "$dir/log/daemon.out" >&2 || true
    tail -20 "$dir/log/libvirtd.log" >&2 || true
    die "libvirtd $rel $role did not come up"
}

stop_daemon() {
    local rel=$1 role=$2 dir pid; dir=$(daemon_dir "$rel" "$role")
    pid=$(daemon_pid "$rel" "$role")
    if [ -n "$pid" ]; then
        local dom
        for dom in $(vsh "$rel" "$role" list --name 2>/dev/null || true); do
            vsh "$rel" "$role" destroy "$dom" >/dev/null 2>&1 || true
        done
        say "stopping libvirtd $rel $role (pid $pid)"
        kill "$pid" 2>/dev/null || true
        local n; for n in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    # QEMU processes the daemon started and left behind (only those: their pid files).
    local f qpid
    for f in "$dir"/run/qemu/*.pid; do
        [ -s "$f" ] || continue
        qpid=$(cat "$f")
        if grep -q qemu-system "/proc/$qpid/cmdline" 2>/dev/null; then kill -9 "$qpid" 2>/dev/null || true; fi
        rm -f "$f"
    done
    rm -f "$dir/run/libvirtd.pid"
}

# ---- guests -------------------------------------------------------------------------------
domain_type() {
    if [ -n "${MIGFLAGS_REALQEMU_TCG:-}" ]; then echo qemu; return; fi
    if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then echo kvm; else echo qemu; fi
}

# disk XML of each guest (the same path on both hosts; each host has its own file)
guest_disks() {
    local img=/var/lib/libvirt/images
    case $1 in
        mf-ro|mf-off|mf-paused|mf-tr)
            echo "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='$img/base-ro.qcow2'/><target dev='vda' bus='virtio'/><readonly/></disk>" ;;
        mf-rw)
            echo "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='$img/mf-rw.qcow2'/><target dev='vda' bus='virtio'/></disk>" ;;
        mf-wb)
            echo "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='writeback'/><source file='$img/mf-wb.qcow2'/><target dev='vda' bus='virtio'/></disk>" ;;
        mf-cd)
            echo "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='$img/base-ro.qcow2'/><target dev='vda' bus='virtio'/><readonly/></disk>"
            echo "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' bus='sata'/><readonly/></disk>" ;;
        # a transient disk on an image of its own (a second guest on a shared image hits its lock)
        mf-tdisk)
            echo "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='$img/mf-tdisk.qcow2'/><target dev='vda' bus='virtio'/><transient/></disk>" ;;
        # shared memory (ivshmem-plain) with no role, role='peer' and role='master'
        mf-shm|mf-shm-peer|mf-shm-master)
            echo "<disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='$img/base-ro.qcow2'/><target dev='vda' bus='virtio'/><readonly/></disk>"
            local role=""
            case $1 in mf-shm-peer) role=" role='peer'" ;; mf-shm-master) role=" role='master'" ;; esac
            echo "<shmem name='$1'$role><model type='ivshmem-plain'/><size unit='M'>1</size></shmem>" ;;
    esac
}

guest_uuid() { # fixed, so that defining a guest again is an update
    local i=0 g
    for g in "${GUESTS[@]}"; do i=$((i + 1)); [ "$g" = "$1" ] && break; done
    printf '6d666c61-6773-4000-8000-0000000000%02d\n' "$i"
}

guest_xml() {
    local name=$1 type=$2
    cat <<XML
<domain type='$type'>
  <name>$name</name>
  <uuid>$(guest_uuid "$name")</uuid>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    $(guest_disks "$name")
    <serial type='null'><target port='0'/></serial>
    <video><model type='none'/></video>
    <memballoon model='none'/>
  </devices>
</domain>
XML
}

make_images() {
    local rel=$1 role dir img
    for role in src dst; do
        dir=$(daemon_dir "$rel" "$role")/lib/images
        mkdir -p "$dir"
        for img in base-ro mf-rw mf-wb mf-tdisk; do
            [ -s "$dir/$img.qcow2" ] || qemu-img create -q -f qcow2 "$dir/$img.qcow2" 16M
        done
    done
}

# Bring one guest on the source into its state: mf-off shut off, mf-paused paused, mf-tr a
# running transient guest, every other one running and persistent.
ensure_guest() {
    local rel=$1 name=$2 type=$3 dir; dir=$(daemon_dir "$rel" src)
    local xml=$dir/$name.xml
    guest_xml "$name" "$type" > "$xml"
    local root; root=$(release_root "$rel")
    local inside=$xml
    if [ -n "$root" ]; then mkdir -p "$root/tmp/migflags"; cp "$xml" "$root/tmp/migflags/$name.xml"; inside=/tmp/migflags/$name.xml; fi
    local state; state=$(vsh "$rel" src domstate "$name" 2>/dev/null | head -1 || true)
    if [ "$name" = mf-tr ]; then
        if [ "$state" != running ]; then vsh "$rel" src create "$inside" >/dev/null || return 1; fi
        return 0
    fi
    vsh "$rel" src define "$inside" >/dev/null || return 1
    state=$(vsh "$rel" src domstate "$name" | head -1)
    if [ "$name" = mf-off ]; then
        if [ "$state" != "shut off" ]; then vsh "$rel" src destroy "$name" >/dev/null || return 1; fi
        return 0
    fi
    if [ "$state" = "shut off" ]; then vsh "$rel" src start "$name" >/dev/null || return 1; fi
    state=$(vsh "$rel" src domstate "$name" | head -1)
    if [ "$name" = mf-paused ]; then
        if [ "$state" != paused ]; then vsh "$rel" src suspend "$name" >/dev/null || return 1; fi
    elif [ "$state" != running ]; then
        vsh "$rel" src resume "$name" >/dev/null || return 1
    fi
}

# The destination starts empty: a guest left there by an interrupted run goes.
clean_destination() {
    local rel=$1 dom
    for dom in $(vsh "$rel" dst list --all --name 2>/dev/null || true); do
        vsh "$rel" dst destroy "$dom" >/dev/null 2>&1 || true
        vsh "$rel" dst undefine "$dom" >/dev/null 2>&1 || true
    done
}

write_manifest() {
    local file=$STATE/realqemu.json tmp; tmp=$(mktemp "$STATE/.manifest.XXXXXX")
    local type; type=$(domain_type)
    {
        printf '{\n  "schema": 1,\n  "state_dir": "%s",\n  "domain_type": "%s",\n  "hostname": "%s",\n  "releases": {' \
            "$STATE" "$type" "$(hostname)"
        local first=1 rel root
        for rel in 9.0.0 12.9.0; do
            [ -n "$(daemon_pid "$rel" src)" ] && [ -n "$(daemon_pid "$rel" dst)" ] || continue
            root=$(release_root "$rel")
            [ $first = 1 ] || printf ','
            first=0
            printf '\n    "%s": {"root": "%s", "virsh": "/usr/bin/virsh", "source": "%s", "destination": "%s", "source_log": "%s", "destination_log": "%s", "guests": [' \
                "$rel" "$root" "$(uri "$rel" src)" "$(uri "$rel" dst)" \
                "$(daemon_dir "$rel" src)/log/libvirtd.log" "$(daemon_dir "$rel" dst)/log/libvirtd.log"
            local g sep=""
            for g in "${GUESTS[@]}"; do printf '%s"%s"' "$sep" "$g"; sep=", "; done
            printf ']}'
        done
        printf '\n  }\n}\n'
    } > "$tmp"
    mv "$tmp" "$file"
}

release_start() {
    local rel=$1 root; root=$(release_root "$rel")
    if [ -n "$root" ]; then make_root "$root"; fi
    start_daemon "$rel" src
    start_daemon "$rel" dst
    make_images "$rel"
    clean_destination "$rel"
    local type g; type=$(domain_type)
    for g in "${GUESTS[@]}"; do
        if ! ensure_guest "$rel" "$g" "$type" 2>"$STATE/.guest.err"; then
            if [ "$type" = kvm ]; then
                say "$rel: $g does not start with KVM ($(head -1 "$STATE/.guest.err")); using TCG"
                type=qemu
                ensure_guest "$rel" "$g" "$type"
            else
                cat "$STATE/.guest.err" >&2; die "$rel: guest $g does not start"
            fi
        fi
    done
    say "$rel ready: source $(uri "$rel" src), destination $(uri "$rel" dst)"
}

main() {
    local cmd=${1:-start}
    [ $# -gt 0 ] && shift
    local releases=("$@")
    [ ${#releases[@]} -gt 0 ] || releases=(9.0.0 12.9.0)
    [ "$(id -u)" = 0 ] || die "needs root"
    mkdir -p "$STATE"
    case $cmd in
        start)
            install_packages
            make_certs
            local rel
            for rel in "${releases[@]}"; do release_start "$rel"; done
            write_manifest
            say "manifest: $STATE/realqemu.json"
            ;;
        stop)
            local rel
            for rel in "${releases[@]}"; do
                release_root "$rel" >/dev/null
                stop_daemon "$rel" dst
                stop_daemon "$rel" src
            done
            write_manifest
            ;;
        status)
            local rel
            for rel in "${releases[@]}"; do
                for role in src dst; do
                    printf '%s %s %s pid=%s\n' "$rel" "$role" "$(uri "$rel" "$role")" "$(daemon_pid "$rel" "$role")"
                    [ -n "$(daemon_pid "$rel" "$role")" ] && vsh "$rel" "$role" list --all || true
                done
            done
            ;;
        *) die "usage: setup.sh [start|stop|status] [9.0.0] [12.9.0]" ;;
    esac
}

main "$@"
