#!/bin/sh
# Evacuate every running guest to kvm2.
# virsh migrate --offline --live old-example dst   (commented out: never run)
set -e
for vm in $(virsh list --name); do
    timeout 600 virsh -c qemu:///system migrate --live --p2p --persistent \
        --copy-storage-all --copy-storage-inc "$vm" qemu+ssh://kvm2/system 2>&1 | tee -a /var/log/evacuate.log
done
LIBVIRT_DEFAULT_URI=qemu:///system virsh migrate --live --p2p --bandwidth "$BW" db01 qemu+ssh://kvm2/system
virsh migrate --live --p2p --tunnelled --parallel web01 qemu+ssh://kvm2/system || echo "failed: $?"
