"""`migflags why`: every catalogue entry and a sample of rule wordings, plain and wrapped.

The messages below are literals: texts the libvirt 9.0.0 / 12.9.0 and QEMU 7.2 / 10.0
binaries carry (see tables/errors.py), with their placeholders filled in by hand the way the
daemon would (a disk target, a UUID, a port range). Nothing here is built from the table
under test, so a wrong or missing wording in the table fails these tests.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from migflags.cli import main
from migflags.tables.errors import ERRORS
from migflags.why import explain_text, recognise, unwrap

# (message as a daemon would print it, the entry or rule id that explains it)
CATALOGUE: list[tuple[str, str]] = [
    ("Unsafe migration: Migration without shared storage is unsafe",
     "qemu-unsafe-shared-storage"),
    ("Unsafe migration: Migration may lead to data corruption if disks use cache other than "
     "none or directsync", "qemu-unsafe-cache-mode"),
    ("Operation not supported: Cannot migrate empty or read-only disk hdc",
     "qemu-copy-readonly-or-empty-disk"),
    ("invalid argument: disk target vdz not found", "qemu-migrate-disks-unknown-target"),
    ("Operation not supported: pre-creation of storage target for incremental storage "
     "migration of disk 'vda' is not supported", "qemu-precreate-incremental"),
    ("Requested operation is not valid: this libvirtd instance allows migration only with "
     "VIR_MIGRATE_TLS flag", "qemu-tls-force"),
    ("Requested operation is not valid: host migration TLS directory not configured",
     "qemu-tls-dir-not-configured"),
    ("Operation not supported: TLS migration is not supported with this QEMU binary",
     "qemu-tls-unsupported"),
    ("internal error: unable to execute QEMU command 'object-add': Unable to access "
     "credentials /etc/pki/qemu/ca-cert.pem: No such file or directory",
     "qemu-tls-credentials-missing"),
    ("operation failed: job 'migration out' failed: Certificate does not match the hostname "
     "dst.example.org", "qemu-tls-certificate-hostname"),
    ("internal error: Unable to find an unused port in range 'migration' (49152-49215)",
     "libvirt-migration-ports-exhausted"),
    ("internal error: unable to execute QEMU command 'migrate-incoming': Failed to bind "
     "socket: Cannot assign requested address", "qemu-bind-failed"),
    ("internal error: hostname on destination resolved to localhost, but migration requires "
     "an FQDN", "qemu-destination-hostname-localhost"),
    # real virsh 9.0.0 against test:///default, whose driver has no peer-to-peer mode
    ("argument unsupported: p2p migration is not supported by the source host",
     "libvirt-p2p-unsupported"),
    ("argument unsupported: offline migration is not supported by the source host",
     "libvirt-offline-unsupported"),
    ("argument unsupported: offline migration is not supported by the destination host",
     "libvirt-offline-unsupported"),
    ("Cannot find 'ssh' in path: No such file or directory", "libvirt-ssh-not-found"),
    ("Cannot recv data: Host key verification failed.: Connection reset by peer",
     "libvirt-p2p-connection-closed"),
    ("internal error: Attempt to migrate guest to the same host "
     "4c4c4544-0044-3510-8052-b4c04f4e3232", "qemu-same-host-uuid"),
    ("Requested operation is not valid: another migration job is already running for domain "
     "'web01'", "qemu-migration-job-running"),
    ("Timed out during operation: cannot acquire state change lock (held by "
     "monitor=remoteDispatchDomainMigratePerform3Params)", "libvirt-state-change-lock"),
    ("Requested operation is not valid: domain is not running", "libvirt-domain-not-running"),
    ("Requested operation is not valid: cannot migrate domain with I/O error",
     "qemu-abort-on-error-io-error"),
    ("Requested operation is not valid: cannot start RDMA migration with no memory hard limit "
     "set", "qemu-rdma-needs-hard-limit"),
    ("Requested operation is not valid: switching to post-copy requires migration to be "
     "started with VIR_MIGRATE_POSTCOPY flag", "qemu-postcopy-start-without-flag"),
    ("Requested operation is not valid: post-copy can only be started while outgoing "
     "migration is in progress", "qemu-postcopy-start-no-migration"),
    ("Requested operation is not valid: post-copy migration of domain web01 has not failed",
     "qemu-postcopy-resume-state"),
    ("internal error: unable to execute QEMU command 'migrate-set-parameters': Parameter "
     "'multifd-channels' expects a value between 1 and 255", "qemu-parallel-connections-range"),
    ("internal error: unable to execute QEMU command 'migrate-set-parameters': Parameter "
     "'xbzrle-cache-size' expects a power of two no less than the target page size",
     "qemu-xbzrle-cache-size"),
    ("numerical overflow: bandwidth must be less than 17592186044415",
     "qemu-bandwidth-overflow"),
    ("internal error: unable to execute QEMU command 'migrate_set_speed': The command "
     "migrate_set_speed has not been found", "qemu-command-removed-migrate-set-speed"),
    ("NBD in tunnelled migration is currently not supported", "qemu-nbd-tunnelled-old"),
    ("Zero copy only available for non-compressed non-TLS multifd migration",
     "qemu-zerocopy-needs-plain-multifd"),
    ("cannot limit locked memory of process 4242 to 8388608: Operation not permitted",
     "libvirt-memlock-limit"),
    ("internal error: failed to convert virJSONValue to yajl data",
     "libvirt-tunnelled-tls-json"),
    ("internal error: unable to execute QEMU command 'migrate-set-capabilities': Multifd is "
     "not compatible with xbzrle", "qemu-multifd-not-with-compression"),
    ("argument unsupported: Migration APIs with extensible parameters are not supported but "
     "extended parameters were passed", "libvirt-params-unsupported"),
    ("command 'migrate' doesn't support option --comp-zstd-level", "too-new"),
    ("Numeric value '64M' for <comp-xbzrle-cache> option is malformed or out of range",
     "virsh-bad-number"),
    ("Failed to get option 'migrateuri': Option argument is empty", "virsh-empty-value"),
    ("option --migrate-disks already seen", "virsh-duplicate-option"),
    ("invalid '=' after option --p2p", "virsh-switch-with-value"),
    ("expected syntax: --bandwidth <number>", "virsh-missing-value"),
    ("unexpected data 'tcp://10.0.0.2'", "virsh-extra-word"),
    ("Failed to open file '/root/dest.xml': Permission denied", "virsh-xml-file"),
]

# Rule wordings, current and older (from the reference's tables and real virsh runs).
RULE_WORDINGS: list[tuple[str, str]] = [
    ("argument unsupported: migration URI is not supported by tunnelled migration",
     "qemu-tunnelled-migrateuri"),
    ("Options --live and --offline are mutually exclusive", "virsh-live-offline"),
    ("'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', "
     "'copy-storage-inc'", "virsh-sync-writes-needs-storage"),  # virsh 9.0.0's wording
    ("'--copy-storage-synchronous-writes' requires one of '--copy-storage-all', "
     "'--copy-storage-inc'", "virsh-sync-writes-needs-storage"),
    ("argument unsupported: parameter 'compression.zstd.level' not supported",
     "qemu-unknown-param"),
    ("invalid argument: Unsupported compression method 'lz4'", "qemu-compression-unknown-method"),
    ("Operation not supported: migration of non-shared storage is not supported with "
     "tunnelled migration and this QEMU", "qemu-storage-tunnelled"),
    ("unsupported flags (0x200000) in function qemuDomainMigratePerform3Params",
     "unknown-bits"),
]

ALL = CATALOGUE + RULE_WORDINGS

# Wrappers as they appear in the wild, each around the message (%s).
WRAPPERS: dict[str, str] = {
    "virsh": "error: %s",
    "virsh-zh": "错误：%s",
    "daemon-log": "2026-11-27 14:28:10.802+0000: 2704: error : qemuMigrationSrcBeginPhase:2088 "
                  ": %s",
    "nova": "2026-11-27 14:28:10.802 1234 ERROR nova.virt.libvirt.driver [req-5b2e - - - - -] "
            "[instance: 7c1a9e1e-0d5c-4c1b-9a8e-3b1e0f5f2b11] Live Migration failure: %s",
    "python": "libvirt.libvirtError: %s",
    "go-virError": "virError(Code=1, Domain=10, Message='%s')",
    "virsh-in-log": "2026-11-27 14:28:10.802+0000: 2704: error : virshDomainMigrate:11 : "
                    "error: %s",
}

# libvirt's zh_CN forms of the class prefixes the samples use (po/zh_CN.po).
ZH_CLASS = {
    "argument unsupported: ": "不支持的参数：",
    "Requested operation is not valid: ": "所需操作无效：",
    "Operation not supported: ": "操作不被支持：",
    "invalid argument: ": "无效参数：",
    "Unsafe migration: ": "不安全的迁移:",
    "numerical overflow: ": "数字溢出：",
    "internal error: ": "内部错误：",
    "operation failed: ": "操作失败: ",
    "Timed out during operation: ": "操作超时：",
}


def ids(text: str) -> list[str]:
    return [m.wording.id for item in explain_text(text) for m in item.matches]


def test_every_catalogue_entry_has_a_sample() -> None:
    assert sorted({entry.id for entry in ERRORS}) == sorted({i for _, i in CATALOGUE})


@pytest.mark.parametrize(("message", "expected"), ALL, ids=[i for _, i in ALL])
def test_plain_message_matches_first_with_full_score(message: str, expected: str) -> None:
    (item,) = explain_text(message)
    assert item.matches[0].wording.id == expected
    assert item.matches[0].score == 100


@pytest.mark.parametrize("wrapper", WRAPPERS)
@pytest.mark.parametrize(("message", "expected"), ALL, ids=[i for _, i in ALL])
def test_wrapped_message_matches(message: str, expected: str, wrapper: str) -> None:
    wrapped = WRAPPERS[wrapper] % message
    assert ids(wrapped)[0] == expected
    assert recognise(wrapped) == expected


@pytest.mark.parametrize(("message", "expected"),
                         [(m, i) for m, i in ALL if any(m.startswith(p) for p in ZH_CLASS)],
                         ids=[i for m, i in ALL if any(m.startswith(p) for p in ZH_CLASS)])
def test_translated_class_prefix(message: str, expected: str) -> None:
    prefix = next(p for p in ZH_CLASS if message.startswith(p))
    translated = ZH_CLASS[prefix] + message[len(prefix):]
    assert ids(translated)[0] == expected
    assert ids("错误：" + translated)[0] == expected


def test_a_different_class_prefix_costs_score() -> None:
    (item,) = explain_text("invalid argument: domain is not running")
    assert item.matches[0].wording.id == "libvirt-domain-not-running"
    assert item.matches[0].score == 90


def test_the_option_a_parser_message_names_is_the_option_involved() -> None:
    (item,) = explain_text("error: Numeric value '64M' for <comp-xbzrle-cache> option is "
                           "malformed or out of range")
    assert item.matches[0].wording.options == ("--comp-xbzrle-cache",)
    (item,) = explain_text("error: command 'migrate' doesn't support option --comp-zlib-level")
    assert item.matches[0].wording.options == ("--comp-zlib-level",)


def test_a_parameter_key_in_the_message_names_its_virsh_option() -> None:
    (item,) = explain_text("error: argument unsupported: parameter 'compression.zstd.level' "
                           "not supported")
    assert item.matches[0].wording.options == ("--comp-zstd-level",)


def test_placeholders_capture_the_values() -> None:
    (item,) = explain_text("error: Operation not supported: Cannot migrate empty or read-only "
                           "disk sdb")
    assert item.matches[0].values == {"disk": "sdb"}


def test_older_wordings_carry_their_releases() -> None:
    (old,) = explain_text("Operation not supported: pre-creation of storage targets for "
                          "incremental storage migration is not supported")
    assert old.matches[0].wording.id == "qemu-precreate-incremental"
    (nbd,) = explain_text("2014-05-06 10:11:12.345+0000: 2345: warning : "
                          "qemuMigrationBeginPhase:1999 : NBD in tunnelled migration is "
                          "currently not supported")
    assert nbd.matches[0].wording.id == "qemu-nbd-tunnelled-old"
    assert str(nbd.matches[0].wording.until) == "6.10.0"
    (sync,) = explain_text("error: '--copy-storage-synchronous-writes' requires one of "
                           "'--copy-storage-all', 'copy-storage-inc'")
    assert str(sync.matches[0].wording.until) == "10.0.0"


def test_same_host_without_uuid_is_the_library_rule() -> None:
    assert ids("error: Attempt to migrate guest to the same host")[0] == "api-p2p-same-host"
    assert ids("internal error: Attempt to migrate guest to the same host "
               "4c4c4544-0044-3510-8052-b4c04f4e3232")[0] == "qemu-same-host-uuid"


@pytest.mark.parametrize("text", [
    "hello world",
    "error: failed to get domain 'web01'",
    "Connection refused",
    "Domain 'web01' started",
    "2026-11-27 14:28:10.802+0000: 2704: info : libvirt version: 9.0.0",
])
def test_unrelated_text_matches_nothing(text: str, runner: CliRunner) -> None:
    assert ids(text) == []
    result = runner.invoke(main, ["why", text])
    assert result.exit_code == 1
    assert "no known migration error in:" in result.stdout


def test_a_near_miss_lists_the_closest_wordings(runner: CliRunner) -> None:
    result = runner.invoke(main, ["why", "--json", "migration URI is not supported by "
                                  "tunneled migrations"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["matches"] == []
    assert doc["closest"][0]["id"] == "qemu-tunnelled-migrateuri"
    assert doc["closest"][0]["score"] < 100


def test_the_done_when_example(runner: CliRunner) -> None:
    result = runner.invoke(main, ["why", "error: argument unsupported: migration URI is not "
                                  "supported by tunnelled migration"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "  qemu-tunnelled-migrateuri  [qemu]  (score 100)"
    assert "    options    --p2p --tunnelled --migrateuri" in lines
    assert ("    fix        Drop --migrateuri, or drop --tunnelled to use QEMU's own "
            "connection.") in lines
    assert "    raised by  qemuMigrationSrcPerformPeer2Peer" in lines


def test_chinese_output(runner: CliRunner) -> None:
    result = runner.invoke(main, ["why", "--lang", "zh", "不支持的参数：migration URI is not "
                                  "supported by tunnelled migration"])
    assert result.exit_code == 0
    assert "    修改  去掉 --migrateuri，或者去掉 --tunnelled 以使用 QEMU 自己的连接。" in \
        result.stdout.splitlines()


def test_json_document(runner: CliRunner) -> None:
    result = runner.invoke(main, ["why", "--json", "error:", "Unsafe", "migration:",
                                  "Migration", "without", "shared", "storage", "is", "unsafe"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["input"] == "error: Unsafe migration: Migration without shared storage is unsafe"
    assert doc["message"] == "Migration without shared storage is unsafe"
    # the catalogue's entry first, then the rule of `check --domain-xml` with the same words
    match, rule = doc["matches"]
    assert (rule["id"], rule["score"]) == ("qemu-unsafe-storage", match["score"])
    assert list(match) == ["id", "kind", "level", "layer", "function", "message", "since",
                           "until", "options", "setting", "why", "fix", "source", "seen",
                           "values", "score"]
    assert match["id"] == "qemu-unsafe-shared-storage"
    assert match["layer"] == "qemu"
    assert match["function"] == "qemuMigrationSrcIsSafe"
    assert match["options"] == ["--copy-storage-all", "--copy-storage-inc", "--migrate-disks",
                                "--unsafe"]
    assert match["seen"] == "libvirt 9.0.0, 12.9.0"
    assert match["score"] == 100


def test_a_pasted_block_with_several_messages(runner: CliRunner) -> None:
    block = (
        "Traceback (most recent call last):\n"
        '  File "/usr/lib/python3/dist-packages/libvirt.py", line 2117, in migrateToURI3\n'
        "libvirt.libvirtError: Requested operation is not valid: domain is not running\n"
        "\n"
        "error: Option --tls is required by option --tls-destination\n"
    )
    result = runner.invoke(main, ["why", "--json", "-"], input=block)
    assert result.exit_code == 0
    docs = json.loads(result.stdout)
    assert [d["matches"][0]["id"] for d in docs] == ["libvirt-domain-not-running",
                                                      "virsh-tls-destination"]


def test_usage_errors(runner: CliRunner) -> None:
    assert runner.invoke(main, ["why"]).exit_code == 2
    empty = runner.invoke(main, ["why", "-"], input="\n  \n")
    assert empty.exit_code == 2
    assert empty.stderr.startswith("migflags: error: no message to explain")


def test_rich_output(runner: CliRunner) -> None:
    result = runner.invoke(main, ["why", "--color", "always", "error: domain is not running"])
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout
    assert "libvirt-domain-not-running" in result.stdout


def test_unwrap_nested_wrappers() -> None:
    message, error_class = unwrap(
        "2026-11-27 14:28:10,802 1234 ERROR nova.virt.libvirt.driver [-] Live Migration "
        "failure: virError(Code=1, Domain=10, Message='internal error: unable to execute QEMU "
        "command 'migrate-set-parameters': Parameter 'multifd-channels' expects a value "
        "between 1 and 255')")
    assert message == "Parameter 'multifd-channels' expects a value between 1 and 255"
    assert error_class is not None and error_class.code == "VIR_ERR_INTERNAL_ERROR"


@given(st.text(max_size=300))
def test_any_text_gives_no_traceback(text: str) -> None:
    result = CliRunner().invoke(main, ["why", "--json", "x" + text])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    json.loads(result.stdout)


@given(st.lists(st.sampled_from([m for m, _ in ALL] + ["noise", "error: ", "'", "{x}"]),
                max_size=5).map("\n".join))
def test_blocks_of_known_messages_give_no_traceback(text: str) -> None:
    result = CliRunner().invoke(main, ["why", "-"], input=text)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# What a virsh in a zh_CN locale prints: libvirt translates the message too (po/zh_CN.po).
ZH_MESSAGES: list[tuple[str, str]] = [
    ("错误：所需操作无效：域没有在运行", "libvirt-domain-not-running"),
    ("错误：不支持的参数：隧道化迁移不支持迁移 URI", "qemu-tunnelled-migrateuri"),
    ("错误：无法在不使用 peer2peer 标签的情况下执行隧道迁移", "api-migrate3-tunnelled"),
    ("错误：操作不被支持：无法迁移空的或只读磁盘 hdc", "qemu-copy-readonly-or-empty-disk"),
    ("错误：'--copy-storage-synchronous-writes' 需要 '--copy-storage-all' 或 "
     "'--copy-storage-inc' 之一", "virsh-sync-writes-needs-storage"),
    ("错误：内部错误：无法在范围 'migration'(49152-49215)中找到一个未使用的端口",
     "libvirt-migration-ports-exhausted"),
    ("错误：不安全的迁移:没有共享存储的迁移是不安全的", "qemu-unsafe-shared-storage"),
]


@pytest.mark.parametrize(("message", "expected"), ZH_MESSAGES, ids=[i for _, i in ZH_MESSAGES])
def test_translated_messages(message: str, expected: str) -> None:
    (item,) = explain_text(message)
    assert item.matches[0].wording.id == expected
    assert item.matches[0].score == 100


# Refusals seen for real with the QEMU driver (the project's qemu-driver-oracle notes) and the
# wordings the catalogue holds for them.
REAL_QEMU: list[tuple[str, str]] = [
    ("error: internal error: unable to execute QEMU command 'migrate-set-parameters': "
     "Parameter 'multifd-channels' expects uint8_t", "qemu-parallel-connections-range"),
    ("error: Requested operation is not valid: domain 'guest9' is not being migrated",
     "qemu-postcopy-resume-state"),
    ("error: internal error: unable to execute QEMU command 'migrate-set-capabilities': Zero "
     "copy only available for non-compressed non-TLS multifd migration",
     "qemu-zerocopy-needs-plain-multifd"),
    ("error: cannot limit locked memory of process 4242 to 8388608: Operation not permitted",
     "libvirt-memlock-limit"),
    ("error: internal error: failed to convert virJSONValue to yajl data",
     "libvirt-tunnelled-tls-json"),
    ("error: Unsafe migration: Migration without shared storage is unsafe",
     "qemu-unsafe-shared-storage"),
    ("error: Requested operation is not valid: domain is not running",
     "libvirt-domain-not-running"),
    ("error: internal error: Attempt to migrate guest to the same host "
     "00000000-0000-0000-0000-000000000001", "qemu-same-host-uuid"),
]


@pytest.mark.parametrize(("message", "expected"), REAL_QEMU, ids=[i for _, i in REAL_QEMU])
def test_messages_seen_with_the_real_qemu_driver(message: str, expected: str) -> None:
    # among the whole-message matches; a rule of `check` with the same words may rank with it
    (item,) = explain_text(message)
    assert expected in [m.wording.id for m in item.matches if m.score == 100]


def test_an_unmatched_block_gives_one_result_with_the_nearest_line(runner: CliRunner) -> None:
    block = ("2026-11-27 14:28:10.802+0000: 2704: debug : virObjectRef:400 : OBJECT_REF\n"
             "error: migration URI is not supported by tunneled migrations\n")
    result = runner.invoke(main, ["why", "--json", "-"], input=block)
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["message"] == "migration URI is not supported by tunneled migrations"
    assert doc["closest"][0]["id"] == "qemu-tunnelled-migrateuri"


def test_every_translation_belongs_to_a_known_wording() -> None:
    """A translation whose English wording changed would silently never match again."""
    from migflags.tables.errors_zh import ZH_WORDINGS
    from migflags.why import wordings

    bodies = {w.literal for w in wordings()}
    literal = {re.sub(r"\{\w+(?::[^}]*)?\}", "", key) for key in ZH_WORDINGS}
    assert literal <= bodies
    assert len(ZH_WORDINGS) == 60
