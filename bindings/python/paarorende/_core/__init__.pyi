# Type stubs of the compiled module paarorende._core: one stub per submodule (one per
# bindings/python/src/register_<area>.cpp), re-exported by paarorende/__init__.pyi. This file
# holds the version and what the stubs share. Every class of the compiled module is declared
# `class Name(metaclass=_pybind11_type)` (or derives from _Enum): at runtime its metaclass is
# pybind11's, and stubtest checks that.
import os
from typing import Final

__version__: Final[str]

_Path = str | os.PathLike[str]

class _pybind11_type(type):
    """The metaclass of every class pybind11 makes (pybind11_builtins.pybind11_type)."""

class _Enum(metaclass=_pybind11_type):
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> int: ...
    def __init__(self, value: int | str) -> None: ...  # a name too: Weekday("thursday")
    def __int__(self) -> int: ...
    def __index__(self) -> int: ...
    def __hash__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
