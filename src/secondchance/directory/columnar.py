"""The import of a large HSDS 3 tabular package, column by column (polars), for a million services.

``read_package`` + ``infer.enrich`` + ``search.entries`` check and read one Python dict per cell:
about 20 minutes for 1M services. This module does the same work on whole columns and gives the
same answers (tests compare the two on the fixtures and on synthetic packages):

- ``read_frames``: every check of ``validate`` (required fields, numbers, ISO dates and times, enums,
  coordinates on the globe, unknown fields, unique ids, keys that resolve), found for whole columns;
  the per-row report is then written by ``validate.parse_row`` for just the rows found bad, so its
  words are the same, and no bad row is dropped: any problem refuses the import, listing each one.
  A file polars cannot parse as a table (a row with more cells than the header) is read again by
  ``read_package``, which names the row.
- ``enrich_frames``: ``infer.enrich_services`` on the services that state no needs or eligibility,
  with each distinct text read once (a directory repeats its words: one read per distinct text).
- ``entries_frame``: the ``search_entry`` rows of ``search.entries`` by joins; a service's
  requirements are built by ``eligibility.requirements`` once per distinct set of rows that decide them.

The work is split by job: ``columnar_read`` (reading and checking), ``columnar_enrich`` (needs and
eligibility) and ``columnar_entries`` (search rows); this module is their one front door.
"""

from __future__ import annotations

from .columnar_enrich import enrich_frames
from .columnar_entries import entries_frame
from .columnar_read import Frames, directory_of, empty_frame, frames_of, read_frames

__all__ = ["Frames", "directory_of", "empty_frame", "enrich_frames", "entries_frame", "frames_of", "read_frames"]
