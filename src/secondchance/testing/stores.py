"""A search store in memory: the coarse question of ``DirectoryStore.candidates`` answered from a list
(the box, the needs bits and the remote entries; words are not filtered), for tests of search itself."""

from __future__ import annotations

from ..directory.search import CandidateQuery, Entry


class InMemory:
    def __init__(self, index: list[Entry]) -> None:
        self.index = index

    def candidates(self, query: CandidateQuery) -> list[Entry]:
        low_lat, high_lat, low_lon, high_lon = query.box
        return [
            e
            for e in self.index
            if (not query.needs or e.needs & query.needs)
            and (
                (e.lat is None and query.remote)
                or (
                    e.lat is not None
                    and e.lon is not None
                    and low_lat <= e.lat <= high_lat
                    and low_lon <= e.lon <= high_lon
                )
            )
        ]
