"""Builds migflags' one optional C module, `migflags.annotate._native` (annotate's skipping
loop; see src/migflags/annotate/scanner.py), with the compiler Python itself was built with.

It is optional: when there is no C compiler or no Python headers, or MIGFLAGS_PURE_PYTHON=1 is
set, the build says so and migflags installs as pure Python, doing the same work more slowly.
A wheel with the module is tagged for this Python and platform; one without it stays
`py3-none-any`. An editable install (`pip install -e .`) builds it next to its source, where
the editable path finds it (`*.so` is ignored by git and hence left out of other builds).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = Path("src/migflags/annotate/_native.c")
MODULE = "migflags/annotate/_native"


def compile_module(root: Path, out_dir: Path) -> Path:
    """Compile SOURCE into `out_dir`; return the module file. Raises on any failure."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    target = out_dir / (Path(MODULE).name + suffix)
    # $CC and $LDSHARED override Python's own, as setuptools lets them
    cc = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    ldshared = shlex.split(
        os.environ.get("LDSHARED") or sysconfig.get_config_var("LDSHARED") or "cc -shared"
    )
    include = sysconfig.get_paths()["include"]
    obj = out_dir / "_native.o"
    flags = ["-O2", "-fPIC", "-Wall", "-Wextra"]
    for argv in (
        [*cc, *flags, "-I", include, "-c", str(root / SOURCE), "-o", str(obj)],
        [*ldshared, str(obj), "-o", str(target)],
    ):
        subprocess.run(argv, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    obj.unlink()
    return target


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if os.environ.get("MIGFLAGS_PURE_PYTHON") == "1":
            self.app.display_info("migflags: MIGFLAGS_PURE_PYTHON=1, building without C")
            return
        root = Path(self.root)
        try:
            if version == "editable":
                built = compile_module(root, root / SOURCE.parent)
            else:
                scratch = Path(tempfile.mkdtemp(prefix="migflags-build-"))
                self._scratch = scratch
                built = compile_module(root, scratch)
                build_data["force_include"][str(built)] = f"{MODULE}{built.name[len('_native'):]}"
        except (OSError, subprocess.CalledProcessError) as error:
            output = getattr(error, "output", b"") or b""
            self.app.display_warning(
                "migflags: could not build the optional C module (annotate stays correct, only "
                f"slower): {error}\n{output.decode(errors='replace')}"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
