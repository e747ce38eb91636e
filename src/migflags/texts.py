"""Sentences the renderers and the core use around the tables, in both languages."""

from __future__ import annotations

from migflags.text import Text

UI: dict[str, Text] = {
    "too_new": Text("{name} needs libvirt >= {since}"),
    "too_new_fix": Text("Upgrade libvirt on both hosts, or leave this out for libvirt {version}."),
    "unknown_bits": Text(
        "These bits are not defined in virDomainMigrateFlags; the public API passes them on "
        "and the hypervisor driver refuses them."
    ),
    "unknown_bits_fix": Text(
        "Check where the value came from: a typo, a value from a different enum, or a flag "
        "from a libvirt newer than migflags knows."
    ),
    "no_flags": Text(
        "No flags: a plain, non-live migration driven by the client. The guest is paused while "
        "its memory is copied, its disks must be on shared storage, and it stays transient on "
        "the destination."
    ),
    "unknown_bit": Text("unknown bit {bit}"),
    "heading_value": Text("{value} ({hex})"),
    "heading_flags": Text("Flags"),
    "heading_problems": Text("Problems (libvirt {version})"),
    "col_bit": Text("bit"),
    "col_value": Text("value"),
    "col_hex": Text("hex"),
    "col_name": Text("C name"),
    "col_option": Text("virsh option"),
    "col_since": Text("since"),
    "col_summary": Text("summary"),
    "col_level": Text("level"),
    "col_layer": Text("layer"),
    "col_message": Text("message"),
    "col_key": Text("param"),
    "col_type": Text("type"),
    "virsh_args": Text("virsh migrate arguments"),
    "command": Text("command"),
    "params": Text("Typed parameters"),
    "producer": Text("Looks like: {name} ({description})"),
    "checked_against": Text("checked against libvirt {version}"),
    "accepted": Text("accepted by virsh, libvirt and QEMU (libvirt {version})"),
    "not_expressible": Text("(bits {hex} have no virsh option)"),
    "fix": Text("fix"),
    "why": Text("why"),
    "virsh_stops": Text("virsh {version} would stop at the first error: {message}"),
}
