"""migflags' own errors and notes in both languages (data only).

Kept apart from `texts.py` so that the catalogue is loaded only on the error and note paths
(`cli/messages.py`), never on start-up.
"""

from __future__ import annotations

from migflags.text import Text

# migflags' own errors and notes, as the English the code writes (the message id, with
# {placeholders} for what varies) and their Chinese. `cli/messages.py` matches a message
# against the English and rewrites it; what virsh, libvirt or QEMU would print has no entry
# here and stays verbatim. Longer, more specific entries come before general ones.
MESSAGES: tuple[Text, ...] = (
    # the prefixes of every diagnostic line
    Text("migflags: error: ", "migflags: 错误："),
    Text("migflags: note: ", "migflags: 注意："),
    Text("migflags: aborted", "migflags: 已中止"),
    Text(": did you mean {name}?", "：你是不是想输入 {name}？"),
    # values and names (parse.py)
    Text("not a number: {token}: did you mean {hex} (or {log}, as a log prints it)?",
         "不是数字：{token}：你是不是想输入 {hex}（或者日志里的写法 {log}）？"),
    Text("empty value: give a number such as 0x1b or names such as LIVE|PEER2PEER",
         "值为空：请给出数字（例如 0x1b）或名称（例如 LIVE|PEER2PEER）"),
    Text("empty flag name", "标志名称为空"),
    # a binding's spelling (parse.py, tables/bindings.py)
    Text("unknown flag {token}: it resembles {binding}'s spelling: did you mean {match}?",
         "未知标志 {token}：它像 {binding} 的写法：你是不是想输入 {match}？"),
    Text("unknown flag {token}: no libvirt binding migflags knows qualifies a flag with "
         "{qualifier}",
         "未知标志 {token}：migflags 所知的 libvirt 绑定中，没有一个用 {qualifier} 限定标志名"),
    Text("unknown flag {token}: {binding} defines only bits 0-{last} of virDomainMigrateFlags, "
         "not {name}: write {hex}",
         "未知标志 {token}：{binding} 只定义了 virDomainMigrateFlags 的第 0-{last} 位，没有 "
         "{name}：请写 {hex}"),
    Text("unknown flag {token}: {name} is spelled {spelled}",
         "未知标志 {token}：{name} 的写法是 {spelled}"),
    Text("{token} is not in virDomainMigrateFlags: it is written like a constant of another "
         "libvirt enum in {names}",
         "{token} 不属于 virDomainMigrateFlags：它的写法像是 {names} 中另一个 libvirt 枚举的常量"),
    Text("unknown flag {token}: not a virDomainMigrateFlags constant of {names}",
         "未知标志 {token}：不是 {names} 的 virDomainMigrateFlags 常量"),
    Text("{name} is {hex} (bit {bit}) in libvirt, but this code declares it as {value}",
         "{name} 在 libvirt 中是 {hex}（第 {bit} 位），但这段代码把它声明为 {value}"),
    Text("unexpected {char} in {text}", "{text} 中出现了意外的 {char}"),
    Text("unbalanced ')' in {text}", "{text} 中的 ')' 不配对"),
    Text("missing ')' in {text}", "{text} 中缺少 ')'"),
    Text("parentheses nested more than {depth} deep", "括号嵌套超过了 {depth} 层"),
    Text("unknown flag {token}", "未知标志 {token}"),
    Text("empty value in {text}", "{text} 中的值为空"),
    Text("empty value", "值为空"),
    Text("negative value {token}: flags are unsigned", "负值 {token}：标志是无符号数"),
    Text("not a number: {token}", "不是数字：{token}"),
    Text("value {token} does not fit in 64 bits", "值 {token} 超出了 64 位"),
    Text("empty name in {text}", "{text} 中有空的名称"),
    Text("invalid libvirt version {text}: expected MAJOR[.MINOR[.MICRO]], e.g. 9.0.0",
         "无效的 libvirt 版本 {text}：应为 MAJOR[.MINOR[.MICRO]]，例如 9.0.0"),
    # decode, explain, list
    Text("no value on standard input ('-')", "标准输入（'-'）中没有值"),
    Text("no migration flags value in {text}: give a number, flag names, or a log line that "
         "'migflags annotate' would annotate",
         "{text} 中没有迁移标志值：请给出数字、标志名称，或 'migflags annotate' 能注释的日志行"),
    Text("the {field} value {token} logged by {function} is not a number",
         "{function} 记录的 {field} 值 {token} 不是数字"),
    Text("the {field} value {token} logged by {function} does not fit in 64 bits",
         "{function} 记录的 {field} 值 {token} 超出了 64 位"),
    Text("--param needs KEY=VALUE, got {item}", "--param 需要 KEY=VALUE 形式，实际得到 {item}"),
    Text("unknown migration parameter {key}", "未知的迁移参数 {key}"),
    Text("--param {key} given more than once", "--param {key} 给了不止一次"),
    Text("-q prints words for $(...), and {word} would not come through its word splitting "
         "unchanged; run without -q and copy the shell-quoted 'command:' line (or .command of "
         "--json)",
         "-q 输出的是供 $(...) 使用的单词，而 {word} 经过其分词后会被改变；请去掉 -q，"
         "复制已按 shell 规则加引号的 'command:' 行（或 --json 中的 .command）"),
    Text("{source}: bits {bits} have no virsh option and are left out",
         "{source}：位 {bits} 没有对应的 virsh 选项，已略去"),
    Text("unknown flag, option, parameter or rule {name}", "未知的标志、选项、参数或规则 {name}"),
    Text("empty name: give a flag, a value, a virsh option, a parameter or a rule id",
         "名称为空：请给出标志、值、virsh 选项、参数或规则 ID"),
    # every command
    Text("{first} and {second} choose different outputs: give one of them",
         "{first} 和 {second} 选择的是不同的输出：只能给出其中一个"),
    Text("libvirt {version} cannot migrate: 'virsh migrate' and virDomainMigrate came with "
         "libvirt {since}",
         "libvirt {version} 不能迁移：'virsh migrate' 和 virDomainMigrate 从 libvirt {since} "
         "起才有"),
    Text("unsupported shell {shell}", "不支持的 shell {shell}"),
    Text("libvirt {version} is newer than {newest}, the newest release the tables were checked "
         "against: flags, rules and messages are those of {same}",
         "libvirt {version} 比 {newest} 更新，而表格只核对到那个版本：标志、规则和消息均按 "
         "{same} 处理"),
    Text("nothing to check: give a flags value, virsh options, or a virsh migrate command line "
         "after --",
         "没有要检查的内容：请给出标志值、virsh 选项，或在 -- 之后给出 virsh migrate 命令行"),
    Text("{word} comes after '--', so it is read as part of the virsh command line; put "
         "migflags' own options before '--'",
         "{word} 位于 '--' 之后，因此被当作 virsh 命令行的一部分；请把 migflags 自己的选项放在 "
         "'--' 之前"),
    # a first word that is not a command (cli/intent.py)
    Text("{word} is not a migflags command; for a virsh command line run: {line}",
         "{word} 不是 migflags 命令；要处理 virsh 命令行，请运行：{line}"),
    Text("{word} is a virsh migrate option, not a migflags one; run: {line}",
         "{word} 是 virsh migrate 的选项，不是 migflags 的；请运行：{line}"),
    Text("{word} is not a migflags command; to decode it run: {line}",
         "{word} 不是 migflags 命令；要解码它，请运行：{line}"),
    Text("{word} is an option of each command, not of migflags itself; run: {line}",
         "{word} 是各个命令的选项，不是 migflags 本身的选项；请运行：{line}"),
    Text("{word} starts a virsh command line: put the line after '--' ({line}) or quote it "
         "whole",
         "{word} 是 virsh 命令行的开头：请把整行放在 '--' 之后（{line}），或用引号把整行括起来"),
    # a pasted virsh command line, before `migrate` (virsh_argv.py)
    Text("virsh option {word} prints help and exits: no migration would run",
         "virsh 选项 {word} 会输出帮助后退出：不会进行迁移"),
    Text("virsh option {word} prints a version and exits: no migration would run",
         "virsh 选项 {word} 会输出版本号后退出：不会进行迁移"),
    Text("ambiguous virsh option {word} before 'migrate'",
         "'migrate' 之前的 virsh 选项 {word} 有歧义"),
    Text("unknown virsh option {word} before 'migrate' in {text}",
         "{text} 中 'migrate' 之前的 virsh 选项 {word} 未知"),
    Text("unknown virsh option {word} before 'migrate'", "'migrate' 之前的 virsh 选项 {word} 未知"),
    Text("virsh option {word} takes no value: {text}", "virsh 选项 {word} 不接受值：{text}"),
    Text("virsh option {word} needs a value", "virsh 选项 {word} 需要一个值"),
    Text("expected the command 'migrate' after 'virsh' and its options, found {found}",
         "'virsh' 及其选项之后应为命令 'migrate'，实际是 {found}"),
    # pasted command lines (pasted.py, cli/virsh_line.py, cli/commands.py) and lint
    Text("{error} ({word} comes after '--', so it is read as part of the virsh command line; "
         "put migflags' own options before '--')",
         "{error}（{word} 位于 '--' 之后，因此被当作 virsh 命令行的一部分；请把 migflags "
         "自己的选项放在 '--' 之前）"),
    Text("no 'virsh migrate' command in {text}", "{text} 中没有 'virsh migrate' 命令"),
    Text("{count} 'virsh migrate' commands in {text}: migflags lint checks each one",
         "{text} 中有 {count} 条 'virsh migrate' 命令：migflags lint 可以逐条检查"),
    Text("--domain, --desturi and --param do not apply to a pasted command line: {text}",
         "--domain、--desturi 和 --param 不适用于粘贴的命令行：{text}"),
    Text("cannot lint {path}: no such file or directory", "无法检查 {path}：文件或目录不存在"),
    Text("cannot lint {path}: binary file", "无法检查 {path}：这是二进制文件"),
    Text("cannot lint {path}: not a valid file name", "无法检查 {path}：不是有效的文件名"),
    Text("cannot lint {path}: {reason}", "无法检查 {path}：{reason}"),
    Text("standard input, line {line}: {reason}", "标准输入第 {line} 行：{reason}"),
    Text("cannot write the output: {reason}", "无法写出输出：{reason}"),
    # annotate
    Text("cannot read {path}: it is a directory", "无法读取 {path}：这是一个目录"),
    Text("cannot read {path}: no such file", "无法读取 {path}：文件不存在"),
    Text("cannot read {path}: not a valid file name", "无法读取 {path}：不是有效的文件名"),
    Text("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    Text("--only and --json are two output formats: choose one",
         "--only 和 --json 是两种输出格式：只能选一个"),
    Text("--why marks lines of the default output: leave out --only/--json",
         "--why 标记的是默认输出中的行：请去掉 --only/--json"),
    # Click's own usage errors
    Text("No such option {name}. (did you mean {names}?)",
         "没有选项 {name}（你是不是想输入 {names}？）"),
    Text("No such option: {name}", "没有选项 {name}"),
    Text("No such option {name}.", "没有选项 {name}。"),
    Text("No such command {name}. (Did you mean one of: {names}?)",
         "没有命令 {name}（你是不是想输入以下之一：{names}？）"),
    Text("No such command {name}. (Did you mean {names}?)",
         "没有命令 {name}（你是不是想输入 {names}？）"),
    Text("No such command {name}.", "没有命令 {name}。"),
    Text("Missing argument {name}.", "缺少参数 {name}。"),
    Text("Got unexpected extra arguments ({words})", "多出了意外的参数（{words}）"),
    Text("Got unexpected extra argument ({words})", "多出了意外的参数（{words}）"),
    Text("Option {name} requires an argument.", "选项 {name} 需要一个参数。"),
    Text("Invalid value for {name}: {reason}", "{name} 的值无效：{reason}"),
    Text("{value} is not one of {choices}.", "{value} 不在可选值之中：{choices}。"),
    Text("{value} is not a --format style; for the JSON document use --json",
         "{value} 不是 --format 的样式；要输出 JSON 文档，请用 --json"),
    # why
    Text("no message to explain: give TEXT, or - to read standard input",
         "没有要解释的消息：请给出 TEXT，或用 - 从标准输入读取"),
    # the guest (--state, --domain-xml)
    Text("standard input can feed VALUES or --domain-xml, not both",
         "标准输入只能提供 VALUES 或 --domain-xml 之一，不能同时提供两者"),
    Text("--domain-xml {path}: a <disk> has no <target dev='...'>",
         "--domain-xml {path}：有一个 <disk> 没有 <target dev='...'>"),
    Text("--domain-xml {path}: domain XML must not declare a DOCTYPE or entities",
         "--domain-xml {path}：域 XML 不得声明 DOCTYPE 或实体"),
    Text("--domain-xml {path}: malformed domain XML: {error}",
         "--domain-xml {path}：域 XML 格式错误：{error}"),
    Text("--domain-xml {path}: the root element is <{tag}>, not <domain>",
         "--domain-xml {path}：根元素是 <{tag}>，不是 <domain>"),
    Text("--domain-xml {path}: {reason}", "--domain-xml {path}：无法读取：{reason}"),
)
