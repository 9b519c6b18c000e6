"""The PEP 517 build backend of paarorende: `pip install .` runs CMake and packs a wheel.

It needs only the standard library, CMake, a C++ compiler and the Debian packages the library
needs (scripts/setup), so `pip install .` works offline, with or without build isolation: there
is nothing to fetch. The compiled module and the pure-Python package are built by the same CMake
target (`_core`) that the tests use; the wheel holds what that target assembles in
`<build>/python/paarorende`, nothing else.

The version is read from CMakeLists.txt (`project(paarorende VERSION ...)`), its single source.

Nothing is written into the source tree: CMake builds in a temporary directory, or in
$PAARORENDE_PIP_BUILD_DIR when set (kept, so that a reinstall only rebuilds what changed).
$PAARORENDE_JOBS (default: all cores) is the number of parallel compile jobs.

$PAARORENDE_REUSE_BUILD_DIR names a build tree that is already configured from this source tree
(scripts/setup's build/): the backend then neither configures nor changes it, only brings its
`_core` target up to date and packs that. The tests install this way, so that the module is not
compiled a second time; test_packaging.py checks the backend's own configuration apart.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import tomllib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[3]
NAME = "paarorende"

# What an sdist holds: everything the CMake build of the module reads, and the package metadata.
SDIST_PATHS = ["CMakeLists.txt", "pyproject.toml", "README.md", "cmake", "include", "src",
               "bindings/python"]


def _version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(\s*paarorende\s+VERSION\s+([0-9]+(?:\.[0-9]+)*)", text)
    if not match:
        raise RuntimeError("CMakeLists.txt: no project(paarorende VERSION ...)")
    return match.group(1)


def _project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]


def _metadata() -> str:
    """The METADATA file (core metadata 2.1) from pyproject.toml's [project] table."""
    project = _project()
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {_version()}",
             f"Summary: {project['description']}",
             f"Requires-Python: {project['requires-python']}"]
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    readme = project.get("readme")
    body = ""
    if readme:
        lines.append("Description-Content-Type: text/markdown")
        body = "\n" + (ROOT / readme).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n" + body


def _entry_points() -> str:
    scripts = _project().get("scripts", {})
    if not scripts:
        return ""
    return "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())


def _tag() -> str:
    """The wheel tag of the running interpreter, e.g. cp311-cp311-linux_x86_64."""
    interpreter = f"cp{sys.version_info.major}{sys.version_info.minor}"
    abi = interpreter + ("d" if sysconfig.get_config_var("Py_DEBUG") else "")
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{interpreter}-{abi}-{platform}"


def _dist_info_files() -> dict[str, str]:
    files = {
        "METADATA": _metadata(),
        "WHEEL": ("Wheel-Version: 1.0\nGenerator: paarorende_build\nRoot-Is-Purelib: false\n"
                  f"Tag: {_tag()}\n"),
    }
    entry_points = _entry_points()
    if entry_points:
        files["entry_points.txt"] = entry_points
    return files


def _dist_info_name() -> str:
    return f"{NAME}-{_version()}.dist-info"


def _run(command: list[str]) -> None:
    print("paarorende_build:", " ".join(command), file=sys.stderr, flush=True)
    subprocess.run(command, check=True, stdout=sys.stderr)


def _cmake() -> str:
    cmake = shutil.which("cmake")
    if cmake is None:
        raise RuntimeError("paarorende needs CMake to build its compiled module "
                           "(Debian: apt-get install cmake; or run scripts/setup)")
    return cmake


def _configure(build_dir: pathlib.Path) -> None:
    """Configures `build_dir` for the module alone: optimised, no tests, examples, benchmarks,
    command-line program or install rules."""
    configure = [_cmake(), "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
                 "-DPAARORENDE_TESTS=OFF", "-DPAARORENDE_EXAMPLES=OFF",
                 "-DPAARORENDE_BENCHMARKS=OFF", "-DPAARORENDE_CLI=OFF",
                 "-DPAARORENDE_PYTHON=ON", "-DPAARORENDE_INSTALL=OFF",
                 f"-DPython3_EXECUTABLE={sys.executable}"]
    if shutil.which("ninja") and not (build_dir / "CMakeCache.txt").exists():
        configure += ["-G", "Ninja"]
    _run(configure)


def _configured_from_here(build_dir: pathlib.Path) -> bool:
    """Whether `build_dir` is a build tree configured from this source tree."""
    cache = build_dir / "CMakeCache.txt"
    if not cache.is_file():
        return False
    for line in cache.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("CMAKE_HOME_DIRECTORY:"):
            return pathlib.Path(line.split("=", 1)[1]).resolve() == ROOT
    return False


def _build_package(build_dir: pathlib.Path, reuse: bool = False) -> pathlib.Path:
    """Configures (unless `reuse`) and builds the `_core` target; returns the assembled package
    folder."""
    if reuse:
        if not _configured_from_here(build_dir):
            raise RuntimeError(f"PAARORENDE_REUSE_BUILD_DIR={build_dir} is not a build tree "
                               f"configured from {ROOT}")
    else:
        _configure(build_dir)
    jobs = os.environ.get("PAARORENDE_JOBS") or str(os.cpu_count() or 1)
    _run([_cmake(), "--build", str(build_dir), "--target", "_core", "--parallel", jobs])
    return build_dir / "python" / NAME


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(wheel_directory: str, package: pathlib.Path) -> str:
    wheel_name = f"{NAME}-{_version()}-{_tag()}.whl"
    dist_info = _dist_info_name()
    entries: list[tuple[str, bytes, int]] = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            entries.append((f"{NAME}/{path.relative_to(package).as_posix()}", path.read_bytes(),
                            mode))
    if not any(name.startswith(f"{NAME}/_core.") for name, _, _ in entries):
        raise RuntimeError(f"the compiled module is missing from {package}")
    for name, text in _dist_info_files().items():
        entries.append((f"{dist_info}/{name}", text.encode("utf-8"), 0o644))
    record = [_record_line(name, data) for name, data, _ in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode(), 0o644))
    with zipfile.ZipFile(pathlib.Path(wheel_directory) / wheel_name, "w",
                         zipfile.ZIP_DEFLATED) as wheel:
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return wheel_name


# PEP 517 hooks


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    target = pathlib.Path(metadata_directory) / _dist_info_name()
    target.mkdir(parents=True, exist_ok=True)
    for name, text in _dist_info_files().items():
        (target / name).write_text(text, encoding="utf-8")
    return target.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    reused = os.environ.get("PAARORENDE_REUSE_BUILD_DIR")
    if reused:
        return _write_wheel(wheel_directory,
                            _build_package(pathlib.Path(reused).resolve(), reuse=True))
    kept = os.environ.get("PAARORENDE_PIP_BUILD_DIR")
    if kept:
        return _write_wheel(wheel_directory, _build_package(pathlib.Path(kept).resolve()))
    with tempfile.TemporaryDirectory(prefix="paarorende-build-") as build_dir:
        return _write_wheel(wheel_directory, _build_package(pathlib.Path(build_dir)))


def build_sdist(sdist_directory, config_settings=None):
    base = f"{NAME}-{_version()}"
    name = f"{base}.tar.gz"
    with tarfile.open(pathlib.Path(sdist_directory) / name, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for top in SDIST_PATHS:
            tar.add(ROOT / top, arcname=f"{base}/{top}",
                    filter=lambda info: None if "__pycache__" in info.name else info)
        pkg_info = _metadata().encode("utf-8")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        tar.addfile(info, io.BytesIO(pkg_info))
    return name
