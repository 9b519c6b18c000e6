# Type stubs of the package paarorende: everything public in the submodules of the compiled module
# paarorende._core, re-exported as __init__.py does. Each name is declared and typed once, in the
# stub of its submodule (_core/<area>.pyi); mypy's stubtest checks them all against the built
# module (tests/python/test_packaging.py).
from ._core import __version__ as __version__
from ._core.error import *
from ._core.calendar import *
from ._core.violation import *
from ._core.school_days import *
from ._core.topic import *
from ._core.group import *
from ._core.schedule import *
from ._core.formats import *
from ._core.evaluation import *
from ._core.formation import *
from ._core.table import *
from ._core.treffpunkt import *
from ._core.programme import *
from ._core.followup import *
