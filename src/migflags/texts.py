"""Sentences the renderers, the core and the Click layer use around the tables, in both languages.

`UI` holds what the renderers print around the tables. `HELP` holds the translations of the
Click help texts written in `cli/`: the English text is the key (as in gettext, the English
`help=` string or docstring is the message id), so a help text that changes in English and is
not translated again shows up in `tests/test_i18n.py`.
"""

from __future__ import annotations

from migflags.text import Text

UI: dict[str, Text] = {
    "too_new": Text("{name} needs libvirt >= {since}", "{name} 需要 libvirt >= {since}"),
    "too_new_fix": Text(
        "Upgrade libvirt on both hosts, or leave this out for libvirt {version}.",
        "请在源主机和目标主机上都升级 libvirt；如果要用 libvirt {version}，就去掉这一项。",
    ),
    "unknown_bits": Text(
        "These bits are not defined in virDomainMigrateFlags; the public API passes them on "
        "and the hypervisor driver refuses them.",
        "这些位在 virDomainMigrateFlags 中没有定义：公共 API 会原样传下去，"
        "再由 hypervisor 驱动拒绝。",
    ),
    "unknown_bits_fix": Text(
        "Check where the value came from: a typo, a value from a different enum, or a flag "
        "from a libvirt newer than migflags knows.",
        "请核实这个值的来源：可能是笔误，可能取自另一个枚举，也可能是比 migflags 所知更新的 "
        "libvirt 版本中的标志。",
    ),
    "no_flags": Text(
        "No flags: a plain, non-live migration driven by the client. The guest is paused while "
        "its memory is copied, its disks must be on shared storage, and it stays transient on "
        "the destination.",
        "没有任何标志：由客户端驱动的普通非热迁移。复制内存期间虚拟机一直暂停，"
        "磁盘必须位于共享存储上，迁移后它在目标主机上只是临时（transient）域。",
    ),
    "unknown_bit": Text("unknown bit {bit}", "未知位 {bit}"),
    "heading_problems": Text("Problems (libvirt {version})", "问题（libvirt {version}）"),
    "col_bit": Text("bit", "位"),
    "col_value": Text("value", "值"),
    "col_hex": Text("hex", "十六进制"),
    "col_name": Text("C name", "C 名称"),
    "col_option": Text("virsh option", "virsh 选项"),
    "col_since": Text("since", "起始版本"),
    "col_summary": Text("summary", "说明"),
    "level_error": Text("error", "错误"),
    "level_warning": Text("warning", "警告"),
    "layer_advice": Text("advice", "建议"),
    "colon": Text(": ", "："),
    "virsh_args": Text("virsh migrate arguments", "virsh migrate 参数"),
    "command": Text("command", "命令"),
    "params": Text("Typed parameters", "类型化参数"),
    "producer": Text("Looks like {name}: {description}", "可能来自 {name}：{description}"),
    "none": Text("(none)", "（无）"),
    "checked_against": Text("checked against libvirt {version}", "已按 libvirt {version} 检查"),
    "accepted": Text(
        "accepted by virsh, libvirt and QEMU (libvirt {version})",
        "virsh、libvirt 和 QEMU 都会接受（libvirt {version}）",
    ),
    "fix": Text("fix", "解决办法"),
    "why": Text("why", "原因"),
    # `migflags check`: the verdict, naming the layer that refuses first
    "refused_virsh": Text(
        "refused by virsh {version}: {message}", "会被 virsh {version} 拒绝：{message}"
    ),
    "refused_libvirt": Text(
        "refused by libvirt {version}'s public API: {message}",
        "会被 libvirt {version} 的公共 API 拒绝：{message}",
    ),
    "refused_qemu": Text(
        "refused by the QEMU driver of libvirt {version}: {message}",
        "会被 libvirt {version} 的 QEMU 驱动拒绝：{message}",
    ),
    "refused_qmp": Text(
        "refused by QEMU itself under libvirt {version}: {message}",
        "会被 QEMU 本身拒绝（libvirt {version}）：{message}",
    ),
    "unchecked": Text(
        "not checked (needs --state, --domain-xml or --qemu): {rules}",
        "未检查（需要 --state、--domain-xml 或 --qemu）：{rules}",
    ),
    "also_warnings": Text(
        "{count} warning(s) above: nothing refuses them, but read them.",
        "上面有 {count} 条警告：没有哪一层会因此拒绝，但请留意。",
    ),
    # `migflags explain`
    "explain_flag": Text(
        "{name} = {value} ({hex}), bit {bit}", "{name} = {value}（{hex}），第 {bit} 位"
    ),
    "explain_binding": Text(
        "{name} is the name of {c_name} in {bindings}.",
        "{name} 是 {c_name} 在 {bindings} 中的名字。",
    ),
    "explain_flag_option": Text(
        "virsh migrate {option}   since libvirt {since}",
        "virsh migrate {option}   自 libvirt {since} 起支持",
    ),
    "explain_option": Text(
        "{option}  (since libvirt {since})", "{option}  （自 libvirt {since} 起支持）"
    ),
    "explain_rule": Text(
        "{rule}: {level} raised by {layer}, with these words:",
        "{rule}：由 {layer} 报告的{level}，原文如下：",
    ),
    "explain_rule_since": Text("since libvirt {since}", "自 libvirt {since} 起"),
    "explain_rule_until": Text(", until libvirt {until}", "，到 libvirt {until} 为止"),
    "explain_param": Text(
        "param: {param} ({type}), {macro}, since libvirt {since}",
        "类型化参数：{param}（{type}），{macro}，自 libvirt {since} 起支持",
    ),
    # pasted command lines and `migflags lint`
    "missing_positional": Text(
        "A whole virsh migrate line names the guest and the destination URI; without {option} "
        "virsh stops before it checks or sends anything.",
        "完整的 virsh migrate 命令行必须给出虚拟机和目标 URI；缺少 {option} 时，"
        "virsh 在检查或发送任何内容之前就会停下。",
    ),
    "missing_positional_fix": Text(
        "Add the {option} (a bare word after the options, or --{option} VALUE).",
        "补上 {option}（写在选项之后的单独一个词，或者 --{option} VALUE）。",
    ),
    "bad_value": Text(
        "virsh reads the value of {option} when it gets to it and refuses a value it cannot "
        "use; it stops there.",
        "virsh 读到 {option} 的值时才检查它，遇到无法使用的值就拒绝并停下。",
    ),
    "bad_value_fix": Text(
        "Give {option} a value virsh accepts (numbers are plain decimal, without units).",
        "给 {option} 一个 virsh 接受的值（数字只能是不带单位的十进制数）。",
    ),
    "bad_line": Text(
        "virsh's option parser refuses the line before anything else runs.",
        "virsh 的选项解析器在执行任何操作之前就拒绝了这一行。",
    ),
    "bad_line_fix": Text(
        "Correct the command line as the message says.",
        "按消息所说改正命令行。",
    ),
    "placeholder": Text(
        "{word!r} looks like a template placeholder; virsh takes it literally as {option}.",
        "{word!r} 看起来是模板占位符；virsh 会把它原样当作 {option}。",
    ),
    "placeholder_refused": Text(
        "{word!r} looks like a template placeholder, and virsh refuses it as {option}.",
        "{word!r} 看起来是模板占位符，virsh 会拒绝把它当作 {option}。",
    ),
    "placeholder_fix": Text(
        "Fill in the placeholder before running the line.",
        "运行这一行之前先填好占位符。",
    ),
}


def word_for(kind: str, value: str, lang: str) -> str:
    """A machine value (`level` "error", `layer` "advice") as the reader's word for it; values
    without an entry in `UI` (virsh, libvirt, qemu) are names and stay as they are."""
    text = UI.get(f"{kind}_{value}")
    return text.get(lang) if text is not None else value


def sentences(parts: list[str], lang: str) -> str:
    """Sentences one after another: English puts a space between them, Chinese (whose 。 is
    full width) does not."""
    return ("" if lang == "zh" else " ").join(parts)


HELP: tuple[Text, ...] = (
    # the group
    Text(
        "Decode, encode, explain and check libvirt migration flags (virDomainMigrateFlags) and "
        "`virsh migrate` command lines.",
        "解码、编码、解释并检查 libvirt 迁移标志（virDomainMigrateFlags）"
        "以及 `virsh migrate` 命令行。",
    ),
    Text("Show the version and exit.", "显示版本号并退出。"),
    Text("Show this message and exit.", "显示本帮助信息并退出。"),
    # shared options
    Text(
        "Check against this libvirt release (e.g. 9.0.0, 8.5, 6).",
        "按这个 libvirt 版本检查（例如 9.0.0、8.5、6）。",
    ),
    Text(
        "Language of explanations [default: from LC_ALL, LC_MESSAGES, LANG].",
        "说明文字的语言 [默认：依次取自 LC_ALL、LC_MESSAGES、LANG]。",
    ),
    Text("Print the JSON document.", "输出 JSON 文档。"),
    Text(
        "Print the flags as an expression of a language binding, or as shifts.",
        "把标志输出为某个语言绑定的表达式，或输出为移位表达式。",
    ),
    Text(
        "Rich tables with colour on a terminal (auto), always, or plain text.",
        "auto：在终端上输出彩色 Rich 表格；always：总是输出 Rich 表格；never：输出纯文本。",
    ),
    # decode
    Text(
        "Explain flags values: 1035, 0x40b, flags=0x1b, live+p2p, a log line, or - (stdin).",
        "解释标志值：1035、0x40b、flags=0x1b、live+p2p、一整行日志，或 -（从标准输入读取）。",
    ),
    Text("Print only the virsh migrate arguments.", "只输出 virsh migrate 的参数。"),
    Text(
        "Exit 1 when any value has an error-level problem.",
        "只要有一个值存在错误级别的问题，就以状态 1 退出。",
    ),
    Text(
        "Domain name for the printed virsh command line.",
        "输出的 virsh 命令行中使用的虚拟机名称。",
    ),
    Text(
        "Destination URI for the printed virsh command line.",
        "输出的 virsh 命令行中使用的目标 URI。",
    ),
    Text(
        "A typed parameter to add to the command line (repeatable).",
        "要加到命令行中的类型化参数（可多次指定）。",
    ),
    # encode
    Text(
        "Turn virsh migrate options or flag names into the integer.\n\n"
        "\b\n"
        "migflags encode --live --p2p\n"
        "migflags encode LIVE VIR_MIGRATE_PEER2PEER\n"
        "migflags encode -- virsh migrate --live --p2p --bandwidth 100 vm1 qemu+ssh://dst/system",
        "把 virsh migrate 选项或标志名称转换成整数值。\n\n"
        "\b\n"
        "migflags encode --live --p2p\n"
        "migflags encode LIVE VIR_MIGRATE_PEER2PEER\n"
        "migflags encode -- virsh migrate --live --p2p --bandwidth 100 vm1 qemu+ssh://dst/system",
    ),
    Text("Print only the integer.", "只输出整数值。"),
    Text(
        "Exit 1 when the result has an error-level problem.",
        "结果存在错误级别的问题时，以状态 1 退出。",
    ),
    # check
    Text(
        "Say whether virsh, libvirt and QEMU would accept a flags value or virsh options.\n\n"
        "Exit 0 when accepted, 1 with the problems in the order the layers raise them.",
        "判断 virsh、libvirt 和 QEMU 是否会接受一个标志值或一组 virsh 选项。\n\n"
        "全部接受时以状态 0 退出；否则以状态 1 退出，并按各层报错的先后顺序列出问题。",
    ),
    Text(
        "Exit 0 even when libvirt would refuse the combination.",
        "即使 libvirt 会拒绝这个组合，也以状态 0 退出。",
    ),
    # --state / --domain-xml (decode, encode, check)
    Text("The guest's state on the source host.", "虚拟机在源主机上的状态。"),
    Text(
        "The guest's definition as 'virsh dumpxml' prints it (- for standard input).",
        "'virsh dumpxml' 输出的虚拟机定义（- 表示从标准输入读取）。",
    ),
    Text(
        "The QEMU release on the hosts (e.g. 7.2.0), for QEMU's own refusals.",
        "主机上的 QEMU 版本（例如 7.2.0），用于判断 QEMU 本身的拒绝。",
    ),
    # list and explain
    Text(
        "Print the flag table (only the flags the chosen libvirt release knows).",
        "输出标志表（只列出所选 libvirt 版本已有的标志）。",
    ),
    Text(
        "Explain a flag, a flags value, a virsh option, a typed parameter (key or C macro) or a "
        "rule id in detail.",
        "详细解释一个标志、一个标志值、一个 virsh 选项、一个类型化参数（键名或 C 宏）"
        "或一条规则 ID。",
    ),
    # completion
    Text(
        "Print the shell completion script for bash, zsh or fish.\n\n"
        "\b\n"
        "Load it in the running shell:\n"
        '  bash:  eval "$(migflags completion bash)"\n'
        '  zsh:   eval "$(migflags completion zsh)"      (after compinit)\n'
        "  fish:  migflags completion fish | source\n"
        "Install it for your user:\n"
        "  bash:  migflags completion bash"
        " > ~/.local/share/bash-completion/completions/migflags\n"
        "  zsh:   migflags completion zsh > ~/.zfunc/_migflags"
        "   (fpath+=(~/.zfunc) before compinit)\n"
        "  fish:  migflags completion fish > ~/.config/fish/completions/migflags.fish",
        "输出 bash、zsh 或 fish 的命令补全脚本。\n\n"
        "\b\n"
        "在当前 shell 中加载：\n"
        '  bash:  eval "$(migflags completion bash)"\n'
        '  zsh:   eval "$(migflags completion zsh)"      （在 compinit 之后）\n'
        "  fish:  migflags completion fish | source\n"
        "为当前用户安装：\n"
        "  bash:  migflags completion bash"
        " > ~/.local/share/bash-completion/completions/migflags\n"
        "  zsh:   migflags completion zsh > ~/.zfunc/_migflags"
        "   （在 compinit 之前设置 fpath+=(~/.zfunc)）\n"
        "  fish:  migflags completion fish > ~/.config/fish/completions/migflags.fish",
    ),
)

