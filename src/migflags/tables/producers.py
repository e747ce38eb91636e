"""Flags values that well-known tools send, so `decode` can say who probably produced one.

Values are written as flag expressions (parsed with the flag table), never as bare numbers,
so a row cannot drift from the flag table.
"""

from __future__ import annotations

from migflags.record import NamedTuple
from migflags.text import Text


class ProducerRow(NamedTuple):
    name: str  # in English; also the stable `name` of the JSON document
    flags: str  # an expression parse_value() accepts
    description: Text
    source: str  # where the value comes from
    # (label, flags) the producer adds on its own switches, each independently of the others
    options: tuple[tuple[Text, str], ...] = ()
    name_zh: str = ""  # the name shown in Chinese output


# Labels of the switches a producer may add (shown in brackets after its name).
_BLOCK = Text("block", "块迁移")
_UNSAFE = Text("unsafe", "不安全")
_AUTO_CONVERGE = Text("auto-converge", "自动收敛")
_POST_COPY = Text("post-copy", "后拷贝")
_PAUSED = Text("paused", "暂停")
_PARALLEL = Text("parallel", "并行连接")
_COMPRESSED = Text("compressed", "压缩")
_TUNNELLED = Text("tunnelled", "隧道传输")
_COPY_STORAGE = Text("copy storage", "复制存储")


_NOVA = "openstack/nova nova/virt/libvirt/driver.py"
_NOVA_LIVE = "LIVE|PEER2PEER|UNDEFINE_SOURCE|PERSIST_DEST"
_NOVA_BLOCK = _NOVA_LIVE + "|NON_SHARED_INC"
_VDSM = "oVirt/vdsm lib/vdsm/virt/migration.py (_calculate_migration_flags)"
_VDSM_BASE = "LIVE|PEER2PEER|PERSIST_DEST"
_CLOUDSTACK = (
    "apache/cloudstack plugins/hypervisors/kvm/src/main/java/com/cloud/hypervisor/kvm/"
    "resource/MigrateKVMAsync.java (call)"
)
_CS_BASE = "LIVE|COMPRESSED"
_KUBEVIRT = (
    "kubevirt/kubevirt pkg/virt-launcher/virtwrap/live-migration-source.go "
    "(generateMigrationFlags) @ d923fdb815cd"
)
_KUBEVIRT_BASE = "LIVE|PEER2PEER|PERSIST_DEST"  # PERSIST_DEST since v0.39.0 (3505763af5)
_VIRT_MANAGER = (
    "virt-manager/virt-manager virtManager/object/domain.py (vmmDomain.migrate) @ "
    "2450354f39f7; the same flags since v1.2.0 (18a6d8b44 added 'temporary')"
)
_VM_BASE = "LIVE|PERSIST_DEST|UNDEFINE_SOURCE"
_OPENNEBULA = (
    "OpenNebula/one src/vmm_mad/remotes/lib/kvm/opennebula_vm.rb (live_migrate, "
    "live_migrate_disks: virsh migrate --live ...) @ f847cf2e9a78"
)

# virsh options OpenNebula adds: kvmrc's MIGRATE_OPTIONS=--unsafe (suggested, commented out),
# the VM's FEATURES/MIGRATE_AUTO_CONVERGE (--auto-converge) and MIGRATE_COMPRESSED (--compressed)
_OPENNEBULA_OPTIONS = ((_UNSAFE, "UNSAFE"), (_AUTO_CONVERGE, "AUTO_CONVERGE"),
                       (_COMPRESSED, "COMPRESSED"))
_COCKPIT = (
    "cockpit-project/cockpit-machines src/libvirtApi/domain.ts (domainMigrateToUri) @ "
    "3b44c8a9c302; release 244 and later (7e6e5869)"
)


def _nova(kind: Text, extra: str, option: str, what: Text) -> tuple[ProducerRow, ProducerRow]:
    """nova's live and block migration flags with one configuration option switched on."""
    return (
        ProducerRow(
            f"nova live migration ({kind.en})", f"{_NOVA_LIVE}|{extra}",
            Text(f"OpenStack nova's live migration on shared storage with {what.en}.",
                 f"OpenStack nova 在共享存储上的热迁移，{what.zh}"),
            f"{_NOVA} (_parse_migration_flags; [libvirt] {option})",
            name_zh=f"nova 热迁移（{kind.zh}）",
        ),
        ProducerRow(
            f"nova block migration ({kind.en})", f"{_NOVA_BLOCK}|{extra}",
            Text(f"OpenStack nova's block migration (local disks) with {what.en}.",
                 f"OpenStack nova 的块迁移（本地磁盘），{what.zh}"),
            f"{_NOVA} (_parse_migration_flags; [libvirt] {option})",
            name_zh=f"nova 块迁移（{kind.zh}）",
        ),
    )


PRODUCERS: tuple[ProducerRow, ...] = (
    ProducerRow(
        "nova live migration", _NOVA_LIVE,
        Text("OpenStack nova's default flags for a live migration on shared storage.",
             "OpenStack nova 在共享存储上做热迁移时默认使用的标志"),
        f"{_NOVA} (_prepare_migration_flags, live_migration_flags; 0x1b)",
        name_zh="nova 热迁移",
    ),
    ProducerRow(
        "nova block migration", _NOVA_BLOCK,
        Text("OpenStack nova's default flags for a live block migration (local disks).",
             "OpenStack nova 做块迁移（本地磁盘热迁移）时默认使用的标志"),
        f"{_NOVA} (_prepare_migration_flags, block_migration_flags; 0x9b)",
        name_zh="nova 块迁移",
    ),
    *_nova(Text("tunnelled", "隧道传输"), "TUNNELLED", "live_migration_tunnelled = True",
           Text("the stream tunnelled through libvirtd", "数据流经 libvirtd 隧道传输")),
    *_nova(Text("native TLS", "QEMU 原生 TLS"), "TLS", "live_migration_with_native_tls = True",
           Text("QEMU-native TLS", "使用 QEMU 原生 TLS")),
    *_nova(Text("post-copy", "后拷贝"), "POSTCOPY", "live_migration_permit_post_copy = True",
           Text("post-copy allowed", "允许后拷贝")),
    *_nova(Text("auto-converge", "自动收敛"), "AUTO_CONVERGE", "live_migration_permit_auto_converge = True "
           "(ignored when post-copy is on)", Text("auto-converge", "开启自动收敛")),
    *_nova(Text("parallel", "并行连接"), "PARALLEL", "live_migration_parallel_connections > 1",
           Text("parallel connections", "使用并行连接")),
    *_nova(Text("native TLS, post-copy", "QEMU 原生 TLS、后拷贝"), "TLS|POSTCOPY",
           "live_migration_with_native_tls and live_migration_permit_post_copy",
           Text("QEMU-native TLS and post-copy allowed", "使用 QEMU 原生 TLS 并允许后拷贝")),
    ProducerRow(
        "vdsm (oVirt) migration", _VDSM_BASE,
        Text("oVirt's vdsm: a peer-to-peer live migration that keeps the guest defined on the "
             "destination (cluster level 4.2 and later).",
             "oVirt 的 vdsm：点对点热迁移，虚拟机在目标主机上保持已定义状态（集群级别 4.2 "
             "及以上）"),
        _VDSM,
        name_zh="vdsm（oVirt）迁移",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, tunnelled", f"{_VDSM_BASE}|TUNNELLED",
        Text("oVirt's vdsm with tunnelled migration enabled.",
             "oVirt 的 vdsm，启用了隧道迁移"), _VDSM,
        name_zh="vdsm（oVirt）迁移（隧道传输）",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, abort on error", f"{_VDSM_BASE}|ABORT_ON_ERROR",
        Text("oVirt's vdsm with abortOnError set.",
             "oVirt 的 vdsm，设置了 abortOnError"), _VDSM,
        name_zh="vdsm（oVirt）迁移（出错即中止）",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, compressed", f"{_VDSM_BASE}|COMPRESSED",
        Text("oVirt's vdsm with compression requested by the migration policy.",
             "oVirt 的 vdsm，迁移策略要求压缩"), _VDSM,
        name_zh="vdsm（oVirt）迁移（压缩）",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, auto-converge", f"{_VDSM_BASE}|AUTO_CONVERGE",
        Text("oVirt's vdsm with auto-converge requested by the migration policy.",
             "oVirt 的 vdsm，迁移策略要求自动收敛"), _VDSM,
        name_zh="vdsm（oVirt）迁移（自动收敛）",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, encrypted", f"{_VDSM_BASE}|TLS",
        Text("oVirt's vdsm with encrypted (TLS) migration.",
             "oVirt 的 vdsm，使用加密（TLS）迁移"), _VDSM,
        name_zh="vdsm（oVirt）迁移（加密）",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, parallel", f"{_VDSM_BASE}|PARALLEL",
        Text("oVirt's vdsm with parallel migration connections.",
             "oVirt 的 vdsm，使用并行迁移连接"), _VDSM,
        name_zh="vdsm（oVirt）迁移（并行连接）",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, post-copy policy", f"{_VDSM_BASE}|POSTCOPY",
        Text("oVirt's vdsm when the convergence schedule may switch to post-copy.",
             "oVirt 的 vdsm，收敛调度可能切换到后拷贝"), _VDSM,
        name_zh="vdsm（oVirt）迁移（后拷贝策略）",
    ),
    ProducerRow(
        "vdsm (oVirt) migration, parallel zero-copy", f"{_VDSM_BASE}|PARALLEL|ZEROCOPY",
        Text("oVirt's vdsm with parallel connections and zero-copy sending.",
             "oVirt 的 vdsm，使用并行连接和零拷贝发送"), _VDSM,
        name_zh="vdsm（oVirt）迁移（并行连接、零拷贝）",
    ),
    ProducerRow(
        "CloudStack KVM live migration", _CS_BASE,
        Text("Apache CloudStack's KVM agent: a live migration driven by the agent "
             "(virDomainMigrate3), with compression.",
             "Apache CloudStack 的 KVM 代理：由代理驱动的热迁移（virDomainMigrate3），"
             "启用压缩"),
        _CLOUDSTACK,
        name_zh="CloudStack KVM 热迁移",
    ),
    ProducerRow(
        "CloudStack KVM live migration, auto-convergence", f"{_CS_BASE}|AUTO_CONVERGE",
        Text("Apache CloudStack's KVM agent with kvm.migrate.auto.convergence switched on.",
             "Apache CloudStack 的 KVM 代理，开启了 kvm.migrate.auto.convergence"),
        _CLOUDSTACK,
        name_zh="CloudStack KVM 热迁移（自动收敛）",
    ),
    ProducerRow(
        "CloudStack KVM migration with storage (full clone)", f"{_CS_BASE}|NON_SHARED_DISK",
        Text("Apache CloudStack's KVM agent migrating a guest together with its volumes.",
             "Apache CloudStack 的 KVM 代理，连同卷一起迁移虚拟机"),
        _CLOUDSTACK,
        name_zh="CloudStack KVM 连同存储迁移（完整克隆）",
    ),
    ProducerRow(
        "CloudStack KVM migration with storage (full clone), auto-convergence",
        f"{_CS_BASE}|NON_SHARED_DISK|AUTO_CONVERGE",
        Text("Apache CloudStack's KVM agent migrating volumes, with auto-convergence.",
             "Apache CloudStack 的 KVM 代理，迁移卷并开启自动收敛"),
        _CLOUDSTACK,
        name_zh="CloudStack KVM 连同存储迁移（完整克隆、自动收敛）",
    ),
    ProducerRow(
        "CloudStack KVM migration with storage (linked clone)",
        f"{_CS_BASE}|PERSIST_DEST|NON_SHARED_INC",
        Text("Apache CloudStack's KVM agent migrating the top layer of linked-clone volumes.",
             "Apache CloudStack 的 KVM 代理，迁移链接克隆卷的最上层"),
        _CLOUDSTACK + "; newer releases (migrateNonSharedInc)",
        name_zh="CloudStack KVM 连同存储迁移（链接克隆）",
    ),
    ProducerRow(
        "KubeVirt migration", _KUBEVIRT_BASE,
        Text("KubeVirt's virt-launcher (also under Harvester and OpenShift Virtualization): a "
             "peer-to-peer live migration to a persistent domain; the options in brackets are "
             "those the migration policy or the VMI switched on.",
             "KubeVirt 的 virt-launcher（Harvester、OpenShift Virtualization 也基于它）："
             "点对点热迁移，目标端为持久化域；括号中是迁移策略或 VMI 打开的选项。"),
        f"{_KUBEVIRT}; base and block, unsafe, auto-converge, post-copy: v0.39.0 and later "
        "(PERSIST_DEST since 3505763af5); paused: v0.41.0 (929b57423b); parallel: v1.0.0 "
        "(fc15d4fb34); compressed: main after v1.9.0 only (80249b7644)",
        options=((_BLOCK, "NON_SHARED_INC"), (_UNSAFE, "UNSAFE"),
                 (_AUTO_CONVERGE, "AUTO_CONVERGE"), (_POST_COPY, "POSTCOPY"),
                 (_PAUSED, "PAUSED"), (_PARALLEL, "PARALLEL"), (_COMPRESSED, "COMPRESSED")),
        name_zh="KubeVirt 迁移",
    ),
    ProducerRow(
        "virt-manager migration", _VM_BASE,
        Text("virt-manager's Migrate dialog: a live migration that moves the definition to the "
             "destination; in brackets the dialog's options that were ticked.",
             "virt-manager 的迁移对话框：热迁移，并把定义移到目标主机；括号中是勾选的对话框选项。"),
        _VIRT_MANAGER,
        options=((_TUNNELLED, "PEER2PEER|TUNNELLED"), (_UNSAFE, "UNSAFE")),
        name_zh="virt-manager 迁移",
    ),
    ProducerRow(
        "virt-manager temporary migration", "LIVE",
        Text("virt-manager's Migrate dialog with 'Temporary move': the source keeps the "
             "definition and the guest is transient on the destination.",
             "virt-manager 迁移对话框，勾选了临时迁移：源主机保留定义，虚拟机在目标主机上为临时域。"),
        _VIRT_MANAGER,
        options=((_TUNNELLED, "PEER2PEER|TUNNELLED"), (_UNSAFE, "UNSAFE")),
        name_zh="virt-manager 临时迁移",
    ),
    ProducerRow(
        "OpenNebula live migration, shared datastore", "LIVE",
        Text("OpenNebula's KVM driver on a shared system datastore: 'virsh migrate --live', "
             "with kvmrc's MIGRATE_OPTIONS (--unsafe is the one it suggests) and the VM's "
             "FEATURES/MIGRATE_AUTO_CONVERGE and MIGRATE_COMPRESSED.",
             "OpenNebula 的 KVM 驱动在共享系统数据存储上执行 'virsh migrate --live'，"
             "再加上 kvmrc 的 MIGRATE_OPTIONS（其中建议的是 --unsafe）以及虚拟机的 "
             "FEATURES/MIGRATE_AUTO_CONVERGE 和 MIGRATE_COMPRESSED。"),
        f"{_OPENNEBULA}; src/vmm_mad/remotes/kvm/kvmrc (MIGRATE_OPTIONS); per-VM options "
        "(build_migrate_opts in src/vmm_mad/remotes/kvm/migrate) release-7.3.80 and later",
        options=_OPENNEBULA_OPTIONS,
        name_zh="OpenNebula 热迁移（共享数据存储）",
    ),
    ProducerRow(
        "OpenNebula live migration, local datastore", "LIVE|PAUSED",
        Text("OpenNebula's KVM driver on a local (ssh) system datastore: 'virsh migrate --live "
             "--suspend', with --copy-storage-all when there are disks to copy.",
             "OpenNebula 的 KVM 驱动在本地（ssh）系统数据存储上执行 'virsh migrate --live "
             "--suspend'，有磁盘需要复制时再加 --copy-storage-all。"),
        f"{_OPENNEBULA}; release-6.10.0 and later (576a2c74a7)",
        options=((_COPY_STORAGE, "NON_SHARED_DISK"), *_OPENNEBULA_OPTIONS),
        name_zh="OpenNebula 热迁移（本地数据存储）",
    ),
    ProducerRow(
        "Cockpit Machines migration", "LIVE|PEER2PEER|PERSIST_DEST|UNDEFINE_SOURCE",
        Text("The Cockpit web console's Machines page: a peer-to-peer live migration that moves "
             "the definition to the destination.",
             "Cockpit 网页控制台的「虚拟机」页面：点对点热迁移，并把定义移到目标主机。"),
        _COCKPIT,
        options=((_COPY_STORAGE, "NON_SHARED_DISK"),),
        name_zh="Cockpit Machines 迁移",
    ),
    ProducerRow(
        "Cockpit Machines temporary migration", "LIVE|PEER2PEER",
        Text("Cockpit's Machines page with 'Temporary migration': the source keeps the "
             "definition.",
             "Cockpit「虚拟机」页面选择了临时迁移：源主机保留定义。"),
        _COCKPIT,
        options=((_COPY_STORAGE, "NON_SHARED_DISK"),),
        name_zh="Cockpit Machines 临时迁移",
    ),
)
