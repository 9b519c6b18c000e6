"""The package as users meet it: `python -m paarorende` is the command-line tool, the version
comes from CMake, the stubs match the compiled module (mypy's stubtest), each submodule of
paarorende._core has exactly the names its stub declares, and `pip install` of the repository
works offline in a fresh virtual environment (marked `packaging`: it compiles the module once
more, a couple of minutes)."""

import ast
import collections
import os
import pathlib
import re
import subprocess
import sys
import textwrap
import types

import pytest

import paarorende

DEBIAN_PYTHON = "/usr/bin/python3"


def core_areas() -> dict[str, types.ModuleType]:
    """The submodules of paarorende._core by name, one per bindings/python/src/register_*.cpp."""
    return {name: value for name, value in vars(paarorende._core).items()
            if isinstance(value, types.ModuleType)}


def core_stub_dir() -> pathlib.Path:
    """The stubs of paarorende._core as built: _core/__init__.pyi and one <area>.pyi each."""
    return pathlib.Path(paarorende.__file__).parent / "_core"


def cmake_version(repo: pathlib.Path) -> str:
    text = (repo / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(\s*paarorende\s+VERSION\s+(\S+)", text).group(1)


def run_module(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "paarorende", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, check=False)


def test_the_version_is_the_one_in_cmakelists(repo):
    assert paarorende.__version__ == cmake_version(repo)


def test_python_m_paarorende_prints_the_version():
    result = run_module("version")
    assert (result.returncode, result.stdout, result.stderr) == (0, paarorende.__version__ + "\n", "")


def test_python_m_paarorende_plans_as_the_program_does(cli, repo):
    args = ["plan", "examples/sandefjord_pilot/course.json"]
    python, program = run_module(*args, cwd=repo), cli(*args, cwd=repo)
    assert python.returncode == program.returncode == 0, python.stderr
    assert python.stdout == program.stdout
    assert '"sessions"' in python.stdout


@pytest.mark.parametrize("args", [["bogus"], ["holidays", "1899"], ["plan", "missing.json"]])
def test_python_m_paarorende_fails_as_the_program_does(cli, repo, args):
    python, program = run_module(*args, cwd=repo), cli(*args, cwd=repo)
    assert python.returncode == program.returncode == 2
    assert (python.stdout, python.stderr) == (program.stdout, program.stderr)
    assert python.stderr.startswith("paarorende: ") and python.stderr.count("\n") == 1


def test_python_output_written_before_the_command_comes_first(build_dir):
    # __main__ flushes Python's buffers before the C++ code writes to the same descriptors.
    code = ("import sys; from paarorende.__main__ import main; print('before'); "
            "status = main(['version']); print('after'); sys.exit(status)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0
    assert result.stdout == f"before\n{paarorende.__version__}\nafter\n"


def test_the_package_is_typed():
    package = pathlib.Path(paarorende.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "__init__.pyi").is_file()
    assert (package / "_core" / "__init__.pyi").is_file()


def test_each_register_file_is_one_submodule_with_one_stub(repo):
    registered = sorted(path.stem.removeprefix("register_")
                        for path in (repo / "bindings/python/src").glob("register_*.cpp"))
    stubs = sorted(path.stem for path in core_stub_dir().glob("*.pyi") if path.stem != "__init__")
    assert sorted(core_areas()) == registered == stubs


def stub_declared_names(stub: pathlib.Path) -> set[str]:
    """The names a stub declares at its top level: classes, functions, variables, and what it
    re-exports (`from m import X as X`); not what it only imports to refer to."""
    names = set()
    for node in ast.parse(stub.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname for alias in node.names if alias.asname == alias.name)
    return names


@pytest.mark.parametrize("area", sorted(core_areas()))
def test_a_submodule_has_exactly_the_names_its_stub_declares(area):
    """A name added on one side only (a binding without its stub, or a stub without its
    binding) fails here, private ones (_core.cli._run_cli) included."""
    module = core_areas()[area]
    at_runtime = {name for name in vars(module) if not name.startswith("__")}
    assert at_runtime == stub_declared_names(core_stub_dir() / f"{area}.pyi")


@pytest.mark.parametrize("area", sorted(core_areas()))
def test_a_stub_class_declares_only_members_the_class_has(area):
    module = core_areas()[area]
    for node in ast.parse((core_stub_dir() / f"{area}.pyi").read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name)
        for member in node.body:
            name = (member.target.id if isinstance(member, ast.AnnAssign)
                    else getattr(member, "name", None))
            if name is not None and name != "__hash__":
                assert hasattr(cls, name), f"{node.name}.{name}"


def test_no_public_name_is_defined_in_two_submodules():
    homes = collections.defaultdict(list)
    for area, module in core_areas().items():
        for name in vars(module):
            if not name.startswith("_"):
                homes[name].append(area)
    assert {name: areas for name, areas in homes.items() if len(areas) > 1} == {}


def test_the_package_reexports_every_submodule_and_nothing_else():
    public = {name for module in core_areas().values() for name in vars(module)
              if not name.startswith("_")}
    assert set(paarorende.__all__) == public | {"__version__"}
    for area, module in core_areas().items():
        for name in vars(module):
            if not name.startswith("_"):
                assert getattr(paarorende, name) is getattr(module, name), f"{area}.{name}"


def test_the_classes_and_functions_say_they_are_paarorendes():
    """They report __module__ "paarorende", where users import them from (src/module.cpp), so
    that pickles, signatures and messages name paarorende.GroupRules, not the submodule; the
    error classes are those of paarorende._errors."""
    for name in paarorende.__all__:
        value = getattr(paarorende, name)
        if isinstance(value, type) and issubclass(value, paarorende.PaarorendeError):
            assert value.__module__ == "paarorende._errors", name
        elif callable(value):
            assert value.__module__ == "paarorende", name
    assert "paarorende.CourseRequest" in paarorende.plan_course.__doc__.splitlines()[0]


def classes_without_constructor() -> list[str]:
    """Result classes that Python cannot construct (no py::init): pybind11 gives them the
    __init__(self, *args, **kwargs) of its base class, which raises TypeError. Their stubs leave
    __init__ out, so that a type checker rejects a construction; stubtest would report the
    runtime's catch-all signature, which no stub can express as "always raises"."""
    names = []
    for area, module in core_areas().items():
        for name, value in vars(module).items():
            if (isinstance(value, type) and type(value).__name__ == "pybind11_type"
                    # a slot wrapper: pybind11_object's tp_init, not a py::init constructor
                    and type(vars(value).get("__init__")).__name__ == "wrapper_descriptor"):
                # stubtest checks each class where the package re-exports it and in its submodule
                names += [f"paarorende.{name}.__init__", f"{module.__name__}.{name}.__init__"]
    return names


def test_stubtest_finds_no_mismatch_between_stubs_and_module(build_dir, tmp_path):
    """mypy's stubtest imports the built module and compares every name, class, property and
    method with the stubs: the package's (paarorende/__init__.pyi, everything in __all__) and each
    submodule's (paarorende/_core/<area>.pyi). The only allowlist is
    classes_without_constructor()."""
    allowlist = tmp_path / "allowlist.txt"
    allowlist.write_text("".join(entry + "\n" for entry in classes_without_constructor()))
    env = {**os.environ, "PYTHONPATH": str(build_dir / "python"), "MYPY_CACHE_DIR": str(tmp_path)}
    result = subprocess.run([DEBIAN_PYTHON, "-m", "mypy.stubtest", "paarorende",
                             "--allowlist", str(allowlist), "--ignore-unused-allowlist"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout
    # the package, _core, its submodules, _errors, _lists and __main__
    assert f"no issues found in {len(core_areas()) + 5} modules" in result.stdout


def test_mypy_uses_the_stubs_to_catch_a_wrong_argument(build_dir, tmp_path):
    program = tmp_path / "uses_paarorende.py"
    program.write_text(textwrap.dedent("""\
        import datetime
        import paarorende

        request = paarorende.CourseRequest(first_date=datetime.date(2026, 9, 8))
        schedule: paarorende.CourseSchedule = paarorende.plan_course(request)
        start: datetime.datetime = schedule.sessions[0].start
        paarorende.plan_course("course.json")
        """), encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(build_dir / "python")}
    result = subprocess.run([DEBIAN_PYTHON, "-m", "mypy", "--no-incremental", "--strict",
                             "--cache-dir", str(tmp_path / "cache"), str(program)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert "uses_paarorende.py:7: error: Argument 1 to \"plan_course\" has incompatible type " \
           "\"str\"; expected \"CourseRequest\"" in errors[0]


# Files and folders a build must not leave in the source tree.
def source_tree_litter(repo: pathlib.Path) -> list[str]:
    found = [p for p in ("dist", "bindings/python/build", "bindings/python/backend/__pycache__",
                         "build/lib", "build/bdist.linux-x86_64") if (repo / p).exists()]
    for folder in (repo, repo / "bindings" / "python"):
        found += [str(p.relative_to(repo)) for p in folder.glob("*.egg-info")]
    return sorted(found)


@pytest.mark.packaging
def test_pip_installs_the_package_offline_into_a_fresh_venv(repo, build_dir, tmp_path):
    """From the repository, as the README says: a new virtual environment (no system site
    packages: only pip and setuptools), `pip install --no-build-isolation --no-index .`, then
    import it and run the command line. The backend reuses the tests' build tree
    (PAARORENDE_REUSE_BUILD_DIR), so the module is not compiled twice; the backend's own
    configuration is checked by the next test."""
    litter_before = source_tree_litter(repo)
    venv = tmp_path / "venv"
    subprocess.run([DEBIAN_PYTHON, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH",)}
    env.update(PAARORENDE_JOBS=env.get("PAARORENDE_JOBS", "2"),
               PAARORENDE_REUSE_BUILD_DIR=str(build_dir),
               PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-build-isolation",
                              "--no-index", str(repo)], env=env, capture_output=True,
                             text=True, check=False)
    assert install.returncode == 0, install.stdout + install.stderr
    assert "Successfully installed paarorende-" + cmake_version(repo) in install.stdout

    outside = tmp_path / "elsewhere"  # not the repository, so the import is the installed one
    outside.mkdir()
    imported = subprocess.run(
        [str(python), "-c", "import paarorende, importlib.metadata as m; "
                            "print(paarorende.__file__); print(paarorende.__version__); "
                            "print(m.version('paarorende'))"],
        env=env, cwd=outside, capture_output=True, text=True, check=False)
    assert imported.returncode == 0, imported.stderr
    where, version, metadata_version = imported.stdout.splitlines()
    assert pathlib.Path(where).is_relative_to(venv)
    assert version == metadata_version == cmake_version(repo)

    for command in ([str(python), "-m", "paarorende", "version"],
                    [str(venv / "bin" / "paarorende"), "version"]):
        result = subprocess.run(command, env=env, cwd=outside, capture_output=True, text=True,
                                check=False)
        assert (result.returncode, result.stdout) == (0, version + "\n"), result.stderr

    site = pathlib.Path(where).parent
    assert (site / "py.typed").is_file() and (site / "__init__.pyi").is_file()
    assert sorted(path.name for path in (site / "_core").glob("*.pyi")) == \
        sorted(path.name for path in core_stub_dir().glob("*.pyi"))

    # mypy finds the installed stubs (PEP 561) through the venv's interpreter.
    program = outside / "uses_paarorende.py"
    program.write_text("import paarorende\n"
                       "rules: paarorende.GroupRules = paarorende.GroupRules()\n"
                       "paarorende.validate_group(rules)\n", encoding="utf-8")
    checked = subprocess.run([DEBIAN_PYTHON, "-m", "mypy", "--no-incremental", "--strict",
                              "--python-executable", str(python), "--cache-dir",
                              str(tmp_path / "mypy-cache"), str(program)],
                             env=env, cwd=outside, capture_output=True, text=True, check=False)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert 'uses_paarorende.py:3: error: Argument 1 to "validate_group" has incompatible type ' \
           '"GroupRules"; expected "Group"' in checked.stdout, checked.stdout
    assert source_tree_litter(repo) == litter_before


def load_backend(repo):
    import importlib.util
    path = repo / "bindings" / "python" / "backend" / "paarorende_build.py"
    spec = importlib.util.spec_from_file_location("paarorende_build_under_test", path)
    backend = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(backend)
    return backend


def cache_entries(build: pathlib.Path) -> dict[str, str]:
    entries = {}
    for line in (build / "CMakeCache.txt").read_text(encoding="utf-8").splitlines():
        if ":" in line and "=" in line and not line.startswith(("//", "#")):
            key, value = line.split("=", 1)
            entries[key.split(":", 1)[0]] = value
    return entries


@pytest.mark.packaging
def test_pip_backend_configures_the_module_alone_optimised(repo, tmp_path):
    """What `pip install .` configures on a user's machine (configure only; the install test
    above reuses the tests' tree): the module, optimised, without tests, examples, benchmarks,
    the command-line program or install rules, with the interpreter that runs pip."""
    backend = load_backend(repo)
    backend._configure(tmp_path / "wheel-build")
    cache = cache_entries(tmp_path / "wheel-build")
    assert cache["CMAKE_BUILD_TYPE"] == "Release"
    assert {key: cache[key] for key in ("PAARORENDE_PYTHON", "PAARORENDE_TESTS",
                                         "PAARORENDE_EXAMPLES", "PAARORENDE_BENCHMARKS",
                                         "PAARORENDE_CLI", "PAARORENDE_INSTALL")} == {
        "PAARORENDE_PYTHON": "ON", "PAARORENDE_TESTS": "OFF", "PAARORENDE_EXAMPLES": "OFF",
        "PAARORENDE_BENCHMARKS": "OFF", "PAARORENDE_CLI": "OFF", "PAARORENDE_INSTALL": "OFF"}
    assert pathlib.Path(cache["Python3_EXECUTABLE"]) == pathlib.Path(sys.executable)
    assert backend._configured_from_here(tmp_path / "wheel-build")
    assert not backend._configured_from_here(tmp_path)
    with pytest.raises(RuntimeError, match="not a build tree configured from"):
        backend._build_package(tmp_path, reuse=True)


# stubtest cannot see the parameters of compiled functions (they have no inspect signature), so
# this test reads them where pybind11 writes them, the first docstring line
# "name(a: int, *, b: str = 'x') -> T", and compares the parameter names, which are keyword-only
# and which have defaults with the stub's. A renamed keyword or a forgotten default fails here.

def split_top_level(text: str) -> list[str]:
    parts, depth, quote, current = [], 0, "", ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([{<":
            depth += 1
        elif char in ")]}>":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def runtime_parameters(name: str, doc: str):
    """(names, keyword_only, with_default) from a pybind11 signature line; None if overloaded."""
    first = doc.lstrip().splitlines()[0] if doc else ""
    if not first.startswith(name + "("):
        return None
    inside = first[len(name) + 1:first.rindex(") -> ")]
    params, kw_only, defaults = [], set(), set()
    star = False
    for part in split_top_level(inside):
        if part == "*":
            star = True
            continue
        pname = part.split(":", 1)[0].split("=", 1)[0].strip()
        if pname == "self":
            continue
        params.append(pname)
        if star:
            kw_only.add(pname)
        if "=" in part.split(":", 1)[-1] or "=" in part and ":" not in part:
            defaults.add(pname)
    return params, kw_only, defaults


def stub_parameters(function) -> tuple:
    args = function.args
    positional = [a.arg for a in args.posonlyargs + args.args]
    with_default = set(positional[len(positional) - len(args.defaults):]) if args.defaults else set()
    with_default |= {a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None}
    names = [n for n in positional if n != "self"] + [a.arg for a in args.kwonlyargs]
    return names, {a.arg for a in args.kwonlyargs}, with_default - {"self"}


def stub_functions(stub_path: pathlib.Path):
    tree = ast.parse(stub_path.read_text(encoding="utf-8"))

    def plain(node):
        return isinstance(node, ast.FunctionDef) and not any(
            isinstance(d, ast.Name) and d.id in ("property", "overload") for d in node.decorator_list)

    for node in tree.body:
        if plain(node):
            yield None, node
        elif isinstance(node, ast.ClassDef):
            for member in node.body:
                if plain(member):
                    yield node.name, member


def core_stub_functions(build_dir: pathlib.Path):
    """(submodule, class name or None, function) for every function of _core's stubs."""
    for area, module in sorted(core_areas().items()):
        stub = build_dir / "python" / "paarorende" / "_core" / f"{area}.pyi"
        for class_name, function in stub_functions(stub):
            yield module, class_name, function


def test_stub_parameters_match_the_compiled_signatures(build_dir):
    checked, mismatches = 0, []
    for module, class_name, function in core_stub_functions(build_dir):
        owner = module if class_name is None else getattr(module, class_name, None)
        runtime = getattr(owner, function.name, None)
        if runtime is None or type(runtime).__name__ not in ("builtin_function_or_method",
                                                             "instancemethod"):
            continue  # pure Python (stubtest checks those) or a slot wrapper
        found = runtime_parameters(function.name, runtime.__doc__ or "")
        if found is None or function.name.startswith("__") and function.name != "__init__":
            continue  # overloaded, or an operator whose operands are positional anyway
        checked += 1
        names, kw_only, defaults = found
        s_names, s_kw_only, s_defaults = stub_parameters(function)
        where = f"{module.__name__}.{class_name + '.' if class_name else ''}{function.name}"
        if names != s_names:
            mismatches.append(f"{where}: parameters {names} at runtime, {s_names} in the stub")
        elif kw_only != s_kw_only:
            mismatches.append(f"{where}: keyword-only {sorted(kw_only)} at runtime, "
                              f"{sorted(s_kw_only)} in the stub")
        elif defaults != s_defaults:
            mismatches.append(f"{where}: defaults for {sorted(defaults)} at runtime, "
                              f"{sorted(s_defaults)} in the stub")
    assert checked > 100
    assert mismatches == []
