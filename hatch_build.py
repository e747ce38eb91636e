"""Builds migflags' one optional C module, `migflags.annotate._native` (annotate's scanner
loop; see src/migflags/annotate/scanner.py), with the compiler Python itself was built with
($CC and $LDSHARED override it, as with setuptools).

It is optional: when there is no C compiler or no Python headers, or MIGFLAGS_PURE_PYTHON=1 is
set, the build says so and migflags installs as pure Python, doing the same work more slowly.
A wheel with the module is tagged for this Python and platform; one without it stays
`py3-none-any`. An editable install (`pip install -e .`) puts the module next to its source,
where the editable path finds it (`*.so` is ignored by git and so left out of other builds).

The module carries the CRC-32 of the source it was built from; where that source lies beside
it (an editable install), scanner.py uses it only while the two agree, so a module left from
before an edit of `_native.c` is not used (rerun `pip install -e .`).
"""

from __future__ import annotations

import atexit
import os
import shlex
import shutil
import subprocess
import sysconfig
import tempfile
import zlib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = Path("src/migflags/annotate/_native.c")
MODULE = "migflags/annotate/_native"


def compile_module(source: Path, out_dir: Path) -> Path:
    """Compile `source` into `out_dir`; return the module file. Raises on any failure."""
    target = out_dir / (source.stem + (sysconfig.get_config_var("EXT_SUFFIX") or ".so"))
    cc = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    ldshared = shlex.split(
        os.environ.get("LDSHARED") or sysconfig.get_config_var("LDSHARED") or "cc -shared"
    )
    include = sysconfig.get_paths()["include"]
    crc = zlib.crc32(source.read_bytes())
    flags = ["-O2", "-fPIC", "-Wall", "-Wextra", f"-DMIGFLAGS_SOURCE_CRC={crc}UL"]
    obj = out_dir / (source.stem + ".o")
    for argv in (
        [*cc, *flags, "-I", include, "-c", str(source), "-o", str(obj)],
        [*ldshared, str(obj), "-o", str(target)],
    ):
        subprocess.run(argv, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return target


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        if version == "editable":  # no module from an earlier build may outlive this one
            suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
            (root / SOURCE.parent / (SOURCE.stem + suffix)).unlink(missing_ok=True)
        if os.environ.get("MIGFLAGS_PURE_PYTHON") == "1":
            self.app.display_info("migflags: MIGFLAGS_PURE_PYTHON=1, building without C")
            return
        self._scratch = scratch = Path(tempfile.mkdtemp(prefix="migflags-build-"))
        # `finalize` removes it; this, when the build fails between the two
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        try:
            built = compile_module(root / SOURCE, scratch)
            if version == "editable":
                shutil.copyfile(built, root / SOURCE.parent / built.name)
            else:  # taken from the scratch folder, removed in `finalize`
                build_data["force_include"][str(built)] = f"{Path(MODULE).parent}/{built.name}"
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
