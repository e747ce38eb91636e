"""Facts about the shell text that surrounds a pasted `virsh migrate` line (data only).

`WRAPPERS` are programs that run another command given after their own options and
arguments, as published lines use them: `sudo virsh ...`, `timeout 60 virsh ...`,
`env LIBVIRT_DEFAULT_URI=... virsh ...`. `paste.py` looks past them for the virsh word.
"""

WRAPPERS: frozenset[str] = frozenset({
    "sudo", "doas", "env", "timeout", "nohup", "time", "exec", "command", "nice", "ionice",
    "stdbuf", "setsid", "chrt", "taskset", "unbuffer", "builtin",
})

# Programs that run a command given to them as one word: `ssh src "virsh migrate ..."`,
# `bash -c '...'`, `su -c '...'`. `paste.py` looks for a virsh command inside their words.
COMMAND_RUNNERS: frozenset[str] = frozenset({
    "ssh", "sh", "bash", "dash", "zsh", "ksh", "su", "runuser", "watch",
})
# The one runner that joins its remaining words with blanks for a remote shell to split again.
REMOTE_SHELL = "ssh"
