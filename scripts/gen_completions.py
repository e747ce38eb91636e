#!/usr/bin/env python3
"""Write completions/ from the Click app: the scripts `migflags completion SHELL` prints.

    python scripts/gen_completions.py          # (re)write the three files
    python scripts/gen_completions.py --check  # exit 1, naming the stale files, if any differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from migflags.cli import main as cli  # noqa: E402
from migflags.cli.completion import completion_script  # noqa: E402

# The file names each shell looks for: bash-completion loads completions/<command>,
# zsh autoloads _<command> from $fpath, fish loads <command>.fish.
FILES = {
    "bash": "migflags.bash",
    "zsh": "_migflags",
    "fish": "migflags.fish",
}


def expected() -> dict[Path, str]:
    return {ROOT / "completions" / name: completion_script(cli, shell)
            for shell, name in FILES.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a committed file is missing or stale")
    args = parser.parse_args(argv)
    stale = []
    for path, text in expected().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        verb = "stale" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(ROOT)}", file=sys.stderr)
    if args.check and stale:
        print("run: python scripts/gen_completions.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
