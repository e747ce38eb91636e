"""libvirt's Simplified Chinese wordings of the messages `why` knows.

A virsh or daemon running in a zh_CN locale translates the message itself, not only its
error-class prefix. Each key is an English wording as tables/errors.py or tables/rules.py
quotes it (without its class prefix); each value is libvirt's translation of that message from
po/zh_CN.po, as compiled into libvirt 12.9.0's zh_CN/LC_MESSAGES/libvirt.mo, with its
positional %N$s placeholders renamed to the English wording's {placeholders} in the same order.
Messages the catalogue leaves untranslated (and QEMU's own messages, which QEMU never
translates) are absent.
"""


ZH_WORDINGS: dict[str, str] = {
    'Migration without shared storage is unsafe':
        '没有共享存储的迁移是不安全的',
    'Migration may lead to data corruption if disks use cache other than none or directsync':
        '如果磁盘使用 none 或 directsync 以外的缓存，则迁移可能会导致数据崩溃',
    'Cannot migrate empty or read-only disk {disk}':
        '无法迁移空的或只读磁盘 {disk}',
    'disk target {disk} not found':
        '磁盘目标 {disk} 未找到',
    'pre-creation of storage target for incremental storage migration of '
    "disk '{disk}' is not supported":
        "不支持为磁盘 '{disk}' 的增量存储迁移预先创建存储目标",
    'this libvirtd instance allows migration only with VIR_MIGRATE_TLS flag':
        '此 libvirtd 实例只允许带 VIR_MIGRATE_TLS 标志的迁移',
    'host migration TLS directory not configured':
        '未配置主机迁移 TLS 目录',
    'TLS migration is not supported with this QEMU binary':
        '此 QEMU 二进制文件不支持 TLS 迁移',
    "Unable to find an unused port in range '{range}' ({start}-{end})":
        "无法在范围 '{range}'({start}-{end})中找到一个未使用的端口",
    'hostname on destination resolved to localhost, but migration requires an FQDN':
        '本地主机在目的地解析了主机名，但迁移需要一个 FQDN。',
    'Cannot recv data: {detail}':
        '无法 recv 数据：{detail}',
    'Attempt to migrate guest to the same host {uuid}':
        '尝试将客户机机迁移到同一主机上 {uuid}',
    "another migration job is already running for domain '{domain}'":
        "另一个迁移作业已为域 '{domain}' 运行。",
    'cannot acquire state change lock (held by monitor={job})':
        '无法获取状态更改锁（由 monitor={job} 持有）',
    'cannot acquire state change lock (held by monitor={job} agent={agent})':
        '无法获取状态更改锁（由 monitor={job} agent={agent} 持有）',
    'cannot acquire state change lock (held by agent={agent})':
        '无法获取状态更改锁（由 agent={agent} 持有）',
    'cannot acquire state change lock':
        '无法获得状态更改锁定',
    'domain is not running':
        '域没有在运行',
    'cannot migrate domain with I/O error':
        '无法迁移有 I/O 错误的域',
    'cannot start RDMA migration with no memory hard limit set':
        '无法启动没有设置内存硬限制的 RDMA 迁移',
    'switching to post-copy requires migration to be started with VIR_MIGRATE_POSTCOPY flag':
        '切换到 post-copy 需要使用 VIR_MIGRATE_POSTCOPY 标志启动',
    'post-copy can only be started while outgoing migration is in progress':
        '只有在传出迁移进行时，才能启动 post-copy',
    'migration of domain {domain} is not in post-copy phase':
        '域 {domain} 的迁移不在 post-copy 阶段',
    'post-copy migration of domain {domain} has not failed':
        '域 {domain} 的 post-copy 迁移没有失败',
    'resuming failed post-copy migration of domain {domain} already in progress':
        '恢复失败的域 {domain} 的 post-copy 迁移已在进行中',
    'bandwidth must be less than {max}':
        '带宽必须小于 {max}',
    "bandwidth must be less than '{bytes}' bytes/s ({mib} MiB/s)":
        "带宽必须小于 '{bytes}' 字节/秒({mib} MiB/秒)",
    'migrate: Unexpected timeout for offline migration':
        '迁移：离线迁移的意外超时',
    'migrate: Unexpected --timeout-* option without --timeout':
        '迁移: 没有 --timeout 的意外的 --timeout-* 选项',
    "'--copy-storage-synchronous-writes' requires one of "
    "'--copy-storage-all', '--copy-storage-inc'":
        "'--copy-storage-synchronous-writes' 需要 '--copy-storage-all' 或 '--copy-storage-inc' 之一",
    "'--migrate-disks' requires one of '--copy-storage-all', '--copy-storage-inc'":
        "'--migrate-disks' 需要 '--copy-storage-all' 或 '--copy-storage-inc' 之一",
    "'--migrate-disks-detect-zeroes' requires one of '--copy-storage-all', '--copy-storage-inc'":
        "'--migrate-disks-detect-zeroes' 需要 '--copy-storage-all' 或 '--copy-storage-inc' 之一",
    'cannot perform tunnelled migration without using peer2peer flag':
        '无法在不使用 peer2peer 标签的情况下执行隧道迁移',
    'direct migration is not supported by the source host':
        '源主机不支持直接迁移',
    'Attempt to migrate guest to the same host':
        '尝试将客户机迁移到同一主机上',
    "parameter '{item}' not supported":
        "不支持参数 '{item}'",
    'Both port and URI requested for disk migration while being mutually exclusive':
        '磁盘迁移请求的端口和 URI 是互斥的',
    'Usage of listen-address is forbidden when migration URI uses UNIX transport method':
        '当迁移使用 UNIX 传输方法的 URI 时，禁止使用 listen-address',
    'NBD URI must be supplied when migration URI uses UNIX transport method':
        '当迁移 URI 使用 UNIX 传输方法时，必须提供 NBD URI',
    'Turn auto convergence on to tune it':
        '打开自动聚合以对其进行调优',
    'Turn parallel migration on to tune it':
        '打开并行迁移以对其进行调优',
    "Unsupported compression method '{item}'":
        "不支持的压缩方法 '{item}'",
    "Compression method '{item}' is specified twice":
        "压缩方法 '{item}' 被指定了两次",
    'Turn multithread compression on to tune it':
        '打开多线程压缩以对其进行调优',
    'Turn xbzrle compression on to tune it':
        '打开 xbzrle 压缩以对其进行调优',
    'Turn zlib compression on to tune it':
        '开启 zlib 压缩以进行调优',
    'Turn zstd compression on to tune it':
        '开启 zstd 压缩以进行调优',
    'migration URI is not supported by tunnelled migration':
        '隧道化迁移不支持迁移 URI',
    'listen address is not supported by tunnelled migration':
        '隧道化的迁移不支持侦听地址',
    'disk port address is not supported by tunnelled migration':
        '隧道化的迁移不支持磁盘端口地址',
    'resuming failed post-copy migration requires post-copy to be enabled':
        '恢复失败的 post-copy 迁移需要启用 post-copy',
    'post-copy migration is not supported with non-live or paused migration':
        '非实时或暂停的迁移不支持 post-copy 迁移',
    'post-copy is not supported with tunnelled migration':
        '隧道化的迁移不支持 post-copy',
    'offline migration cannot handle non-shared storage':
        '离线迁移无法处理非共享存储',
    'offline migration must be specified with the persistent flag set':
        '必须使用持久标签设置指定离线迁移',
    'tunnelled offline migration does not make sense':
        '管道离线迁移没有任何意义',
    'zero-copy is only available for parallel migration':
        'zero-copy 仅适用于并行迁移',
    'migration of non-shared storage is not supported with tunnelled migration and this QEMU':
        '隧道化迁移和此 QEMU 不支持迁移非共享存储的迁移',
    "use of 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_DETECT_ZEROES' requires use "
    "of 'VIR_MIGRATE_NON_SHARED_DISK' or 'VIR_MIGRATE_NON_SHARED_INC' flag":
        "使用 'VIR_MIGRATE_PARAM_MIGRATE_DISKS_DETECT_ZEROES' 需要使用 "
        "'VIR_MIGRATE_NON_SHARED_DISK' 或 'VIR_MIGRATE_NON_SHARED_INC' 标志",
    'Explicit destination hostname is required for TLS migration over UNIX socket':
        '通过 UNIX 套接字的 TLS 迁移需要明确的目标主机名',
}
