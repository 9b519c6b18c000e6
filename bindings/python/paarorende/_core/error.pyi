# paarorende._core.error (register_error.cpp): the exceptions, those of paarorende._errors.
from .._errors import ImpossibleRequest as ImpossibleRequest
from .._errors import InputError as InputError
from .._errors import PaarorendeError as PaarorendeError
from .._errors import RuleViolation as RuleViolation
