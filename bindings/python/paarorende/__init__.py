"""paarorende: plan coping courses for parents of seriously ill children.

Norwegian municipalities and their learning and coping centres (LMS) plan coping courses for
parents ("mestringskurs for pårørende") of children with life-threatening or life-limiting
conditions. This package is a thin Python skin over the C++ library: the rules live once, in
C++, and every decision cites its DOMAIN rule id (docs: shared DOMAIN.md).

Dates are :class:`datetime.date`, times of day :class:`datetime.time`, and instants aware
:class:`datetime.datetime` in Europe/Oslo (DOMAIN X3). Errors derive from :class:`ValueError`.

Example
-------
>>> import paarorende
>>> request = paarorende.CourseRequest.load("examples/sandefjord_pilot/course.json")
>>> schedule = paarorende.plan_course(request)                    # doctest: +SKIP
>>> [str(s) for s in schedule.sessions][:1]                        # doctest: +SKIP
['Session(1, 2019-11-05 15:00-16:30, Klasserom på barnas skole)']
>>> [(s.topic, s.presenter) for s in schedule.sessions][1]         # doctest: +SKIP
('palliative_care_and_rights', 'barnepalliasjon')

With the participants' topic wishes in the request, the plan is a course plan: session 1 is for
getting to know each other (DOMAIN C6, T6), and the later sessions get the wished topics
(:func:`choose_topics`) and presenters who are free that day (:func:`staff_sessions`, DOMAIN C7).

A proposed group of households, under pseudonyms only (DOMAIN X4), is checked against the group
rules (G1-G9) with :func:`validate_group`, and its attendance is estimated exactly rather than
assumed (G4, G5):

>>> pilot = paarorende.GroupDocument.load("examples/sandefjord_pilot/group.json")  # doctest: +SKIP
>>> [v.rule for v in paarorende.validate_group(pilot.group, pilot.rules)]  # doctest: +SKIP
['G4', 'G9']
>>> units = paarorende.attendance_units(pilot.group, pilot.rules)           # doctest: +SKIP
>>> round(paarorende.attendance_distribution(units).at_least(5), 3)        # doctest: +SKIP
0.577
"""

from __future__ import annotations

import types as _types

try:
    from . import _core
except ImportError as error:  # pragma: no cover - only without a built extension
    raise ImportError(
        "paarorende's compiled module paarorende._core could not be imported: did you forget to "
        "build? Run scripts/test, or cmake --build build, and put build/python on PYTHONPATH. "
        f"({error})"
    ) from error

# Everything public in the compiled module's submodules (one per area; _core/<area>.pyi names and
# types each name), re-exported as it is. The error classes are those of ._errors, which
# _core.error holds too. Their __module__ is "paarorende" already (src/module.cpp).
from ._core import __version__  # noqa: E402
from ._core.error import *  # noqa: E402, F401, F403
from ._core.calendar import *  # noqa: E402, F401, F403
from ._core.violation import *  # noqa: E402, F401, F403
from ._core.school_days import *  # noqa: E402, F401, F403
from ._core.topic import *  # noqa: E402, F401, F403
from ._core.group import *  # noqa: E402, F401, F403
from ._core.schedule import *  # noqa: E402, F401, F403
from ._core.formats import *  # noqa: E402, F401, F403
from ._core.evaluation import *  # noqa: E402, F401, F403
from ._core.formation import *  # noqa: E402, F401, F403
from ._core.table import *  # noqa: E402, F401, F403
from ._core.treffpunkt import *  # noqa: E402, F401, F403
from ._core.programme import *  # noqa: E402, F401, F403
from ._core.followup import *  # noqa: E402, F401, F403
from ._lists import wrap_list_properties as _wrap_list_properties  # noqa: E402

# No silent copies: a list field changes its value in place, or refuses (paarorende/_lists.py).
_wrap_list_properties([area for area in vars(_core).values() if isinstance(area, _types.ModuleType)])


def _public_names(module: _types.ModuleType) -> list[str]:
    return [name for name in vars(module) if not name.startswith("_")]


__all__ = sorted([name for area in vars(_core).values() if isinstance(area, _types.ModuleType)
                  for name in _public_names(area)] + ["__version__"])
