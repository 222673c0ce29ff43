"""The record interview: one question a screen, building a record in the format of docs/record-format.md.

Pure logic (no HTTP), one job a module, each importing only those above it:

- ``questions``: the catalogue (screens, their texts, kinds of answers and options) as data;
- ``state``: the typed state (the answers so far, the screen) and its JSON for the kept snapshot;
- ``answers``: one screen's form read as facts, or the error to show;
- ``flow``: apply an answer and pick the next question (and a follow-up asked on the results);
- ``record``: the answers as a record, and a record as answers (an upload, a saved file).

The state is kept on the server for one browser, encrypted (web/state.py), never in a URL.
"""

from .flow import answer, follow_up
from .questions import FOLLOW_UPS, STEPS, Option, Step, grade_label, grade_options, step_options
from .record import from_record, to_record
from .state import InterviewState, load

__all__ = [
    "FOLLOW_UPS",
    "STEPS",
    "InterviewState",
    "Option",
    "Step",
    "answer",
    "follow_up",
    "from_record",
    "grade_label",
    "grade_options",
    "load",
    "step_options",
    "to_record",
]
