"""A dated reentry plan: relief dates from the screening, the first weeks after release, picked services.

``build`` is pure (no I/O, no clock): the record's screening, an as-of date, an optional release date
and the services the person picked become a ``Plan`` of dated items in plain words, in English or
Spanish. The adapters turn a plan into an iCalendar file (``ics``), a printable PDF (``pdf``) and a
JSON file a person can give a case worker, who opens the same plan from it (``files``).
"""

from secondchance.plan.build import build_plan, plan_for
from secondchance.plan.model import Item, Plan, Service

__all__ = ["Item", "Plan", "Service", "build_plan", "plan_for"]
