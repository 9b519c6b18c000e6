"""List fields that change their value in place, or say that they cannot; and short type errors.

The C++ values hold their lists by value, so pybind11 hands Python a new list on every read:
``request.locked.append(group)`` would change that new list and be lost without a word. Every
list-valued property of the module is therefore wrapped once, at import (:func:`wrap_list_properties`):

- a list the value lets you assign (``request.locked``) is read as a :class:`FieldList`, which
  writes every change back through the property's setter: ``append``, ``extend``, ``insert``,
  ``remove``, ``pop``, ``clear``, ``sort``, ``reverse``, ``+=``, ``*=``, item and slice
  assignment and deletion. The setter checks and converts the new list first, so a change it
  refuses raises and changes nothing;
- a list of a result (``schedule.findings`` where read-only) is read as a :class:`FrozenList`,
  whose changing methods raise a TypeError saying how to change a copy instead.

The elements are values too: change one and assign it back (``s = request.sessions[0]; s.venue =
v; request.sessions[0] = s``). Copies, pickles and ``list(x)`` are plain lists.

The same pass makes every property setter and constructor take a whole float where an integer is
meant (``Answer(value=4.0)``, as a DataFrame column with gaps holds integers) and turns
pybind11's TypeError, which lists the signature and dumps every argument's repr, into one line
naming the field and what it takes (``Answer(): value: expected Optional[int], got float``).
"""

from __future__ import annotations

import functools
import re
import types
import collections.abc as _abc
from typing import Any, SupportsIndex



class FieldList(list):  # type: ignore[type-arg]
    """A list field of a paarorende value: every change is written back to the value."""

    __slots__ = ("_owner", "_name")

    def __init__(self, owner: Any, name: str, items: list[Any]) -> None:
        super().__init__(items)
        self._owner = owner
        self._name = name

    def _change(self, method: str, *args: Any, **kwargs: Any) -> Any:
        # From the value's list as it is now, not this list's last reading: another reading of the
        # field, or an assignment to it, may have changed it since.
        changed = list(_unwrapped(self._owner, self._name))
        result = getattr(changed, method)(*args, **kwargs)
        setattr(self._owner, self._name, changed)  # checked and converted, or raises
        list.clear(self)
        list.extend(self, _unwrapped(self._owner, self._name))
        return result

    def append(self, item: Any) -> None:
        self._change("append", item)

    def extend(self, items: _abc.Iterable[Any]) -> None:
        self._change("extend", list(items))

    def insert(self, index: SupportsIndex, item: Any) -> None:
        self._change("insert", index, item)

    def remove(self, item: Any) -> None:
        self._change("remove", item)

    def pop(self, index: SupportsIndex = -1) -> Any:
        return self._change("pop", index)

    def clear(self) -> None:
        self._change("clear")

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:  # type: ignore[override]
        self._change("sort", key=key, reverse=reverse)

    def reverse(self) -> None:
        self._change("reverse")

    def __setitem__(self, index: Any, value: Any) -> None:  # type: ignore[override]
        self._change("__setitem__", index, value)

    def __delitem__(self, index: Any) -> None:  # type: ignore[override]
        self._change("__delitem__", index)

    def __iadd__(self, other: Any) -> FieldList:  # type: ignore[override, misc]
        self._change("extend", list(other))
        return self

    def __imul__(self, times: Any) -> FieldList:  # type: ignore[override, misc]
        self._change("__imul__", times)
        return self

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (list, (list(self),))

    def __copy__(self) -> list[Any]:
        return list(self)


class FrozenList(list):  # type: ignore[type-arg]
    """A list of a result the library made: read it, or copy it with list(...) to change it."""

    __slots__ = ("_where",)

    def __init__(self, where: str, items: list[Any]) -> None:
        super().__init__(items)
        self._where = where

    def _refuse(self) -> Any:
        raise TypeError(f"{self._where} is read-only: the library made it. Change a copy "
                        f"(items = list({self._where.split('.')[-1]})), or build a new value")

    def append(self, item: Any) -> None:
        self._refuse()

    def extend(self, items: _abc.Iterable[Any]) -> None:
        self._refuse()

    def insert(self, index: SupportsIndex, item: Any) -> None:
        self._refuse()

    def remove(self, item: Any) -> None:
        self._refuse()

    def pop(self, index: SupportsIndex = -1) -> Any:
        return self._refuse()

    def clear(self) -> None:
        self._refuse()

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:  # type: ignore[override]
        self._refuse()

    def reverse(self) -> None:
        self._refuse()

    def __setitem__(self, index: Any, value: Any) -> None:  # type: ignore[override]
        self._refuse()

    def __delitem__(self, index: Any) -> None:  # type: ignore[override]
        self._refuse()

    def __iadd__(self, other: Any) -> FrozenList:  # type: ignore[override, misc]
        return self._refuse()  # type: ignore[no-any-return]

    def __imul__(self, times: Any) -> FrozenList:  # type: ignore[override, misc]
        return self._refuse()  # type: ignore[no-any-return]

    def __reduce_ex__(self, protocol: Any) -> Any:
        return (list, (list(self),))

    def __copy__(self) -> list[Any]:
        return list(self)


# The original getters, by (class, property name), so _change can read the stored list back.
_GETTERS: dict[tuple[type, str], _abc.Callable[[Any], Any]] = {}


def _unwrapped(owner: Any, name: str) -> Any:
    for cls in type(owner).__mro__:
        getter = _GETTERS.get((cls, name))
        if getter is not None:
            return getter(owner)
    return getattr(owner, name)


def _wrapped(cls: type, name: str, prop: property) -> property:
    getter: _abc.Callable[[Any], Any] = prop.fget  # type: ignore[assignment]
    _GETTERS[(cls, name)] = getter
    where = f"{cls.__name__}.{name}"

    def read_frozen(self: Any) -> Any:
        value = getter(self)
        return FrozenList(where, value) if type(value) is list else value

    if prop.fset is None:
        return property(read_frozen, None, prop.fdel, prop.__doc__)
    setter: _abc.Callable[[Any, Any], None] = prop.fset

    def read(self: Any) -> Any:
        value = getter(self)
        return FieldList(self, name, value) if type(value) is list else value

    def write(self: Any, value: Any) -> None:
        try:
            setter(self, value)
        except TypeError as error:
            if isinstance(value, float) and value.is_integer():
                try:  # a whole float where an integer is meant
                    setter(self, int(value))
                    return
                except TypeError:
                    pass
            # pybind11's message lists the signature and the whole value: say it in a line.
            accepted = _ACCEPTED.search(str(error))
            if accepted is None:
                raise
            raise TypeError(f"{where}: expected {accepted.group(1)}, got {_kind(value)}") from None
    return property(read, write, prop.fdel, prop.__doc__)


# "(arg0: paarorende.Household, arg1: List[paarorende.Caregiver]) -> None" or "(self:
# paarorende.Household, arg0: str) -> None": what a setter takes.
_ACCEPTED = re.compile(r"\((?:self|arg0): [^,]+, arg[01]: (.+?)\) -> None")


def _kind(value: Any) -> str:
    if isinstance(value, list):
        kinds = sorted({type(item).__name__ for item in value})
        return f"a list of {', '.join(kinds)}" if kinds else "an empty list"
    return type(value).__name__


# "1. paarorende.Answer(*, value: Optional[int] = None, text: Optional[str] = None)": the first
# constructor pybind11 lists in its message.
_CONSTRUCTOR = re.compile(r"^ *1\. (?:paarorende\.)?(\w+\(.*\))$", re.MULTILINE)


def _parameters(signature: str) -> dict[str, str]:
    """{"value": "Optional[int]", ...} of "Answer(*, value: Optional[int] = None, ...)"."""
    inner = signature[signature.index("(") + 1:signature.rindex(")")]
    parts, depth, current = [], 0, ""
    for char in inner:
        depth += char in "[(<{"
        depth -= char in "])>}"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    out = {}
    for part in parts:
        name, _, rest = part.strip().partition(": ")
        if rest:
            out[name] = rest.replace("paarorende::", "paarorende.")  # "int = 5": with its default
    return out


def _friendly_init(cls: type) -> None:
    """A constructor that takes a whole float where an integer is meant (Answer(value=4.0)), and
    whose TypeError is one line naming what it takes, never pybind11's dump of every argument."""
    original = vars(cls)["__init__"]

    @functools.wraps(original)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            original(self, *args, **kwargs)
            return
        except TypeError as error:
            text = str(error)
            if "incompatible constructor arguments" not in text:
                raise
        whole = {key: int(value) for key, value in kwargs.items()
                 if isinstance(value, float) and value.is_integer()}
        if whole:
            try:
                original(self, *args, **{**kwargs, **whole})
                return
            except TypeError:
                pass
        taken = _CONSTRUCTOR.search(text)
        parameters = _parameters(taken.group(1)) if taken else {}
        required = [name for name, kind in parameters.items() if " = " not in kind]
        types_ = {name: kind.split(" = ")[0] for name, kind in parameters.items()}
        for key in kwargs:
            if key not in parameters:
                raise TypeError(f"{cls.__name__}(): no keyword {key!r}; it takes "
                                f"{', '.join(parameters)}") from None
        missing = [name for name in required if name not in kwargs]
        if missing and not args:
            raise TypeError(f"{cls.__name__}(): missing keyword {missing[0]!r} "
                            f"({types_[missing[0]]})") from None
        given = ", ".join([type(value).__name__ for value in args] +
                          [f"{key}={type(value).__name__}" for key, value in kwargs.items()])
        # The keyword the constructor refuses, named with the type it takes: each tried with the
        # required ones given (those first, and checked together when there are several).
        given_required = {name: kwargs[name] for name in required if name in kwargs}
        if len(given_required) > 1 and not args:
            try:
                original(cls.__new__(cls), **given_required)  # type: ignore[call-overload]
            except TypeError:
                wanted = ", ".join(f"{name}: {types_[name]}" for name in required)
                raise TypeError(f"{cls.__name__}(): expected {wanted}; got ({given})") from None
        for key, value in sorted(kwargs.items(), key=lambda item: item[0] not in required):
            if args:  # positional arguments: the trials below would not hold them
                break
            trial = {**given_required, key: value}
            try:
                original(cls.__new__(cls), **trial)  # type: ignore[call-overload]
            except TypeError:
                raise TypeError(f"{cls.__name__}(): {key}: expected {types_[key]}, got "
                                f"{_kind(value)}") from None
        raise TypeError(f"{cls.__name__}(): expected {taken.group(1) if taken else 'other arguments'}; "
                        f"got ({given})") from None

    setattr(cls, "__init__", __init__)


def wrap_list_properties(modules: list[types.ModuleType]) -> None:
    """Wraps every property of every class of `modules` once (see the module docstring), and
    each constructor (_friendly_init)."""
    for module in modules:
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != "paarorende":
                continue
            if "__init__" in vars(cls) and not hasattr(vars(cls)["__init__"], "__wrapped__") \
                    and type(vars(cls)["__init__"]).__name__ != "wrapper_descriptor":
                _friendly_init(cls)
            for name, value in list(vars(cls).items()):
                # type(...) is property: not pybind11_static_property, which is class-level
                if type(value) is property and (cls, name) not in _GETTERS:
                    setattr(cls, name, _wrapped(cls, name, value))
