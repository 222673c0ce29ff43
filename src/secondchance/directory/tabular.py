"""HSDS tabular data package: a folder of CSV files (one per table) with a ``datapackage.json``."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

from .model import Directory, Row, Value
from .spec import datapackage, tables
from .validate import InvalidDirectory, Origin, Problem, check_keys, parse_row


def table_paths(folder: Path) -> dict[str, str]:
    """CSV file of each table: from the folder's datapackage.json when present, else the spec's names."""
    paths = {name: spec.path for name, spec in tables().items()}
    descriptor = folder / "datapackage.json"
    if descriptor.exists():
        try:
            package = json.loads(descriptor.read_text(encoding="utf-8"))
        except (ValueError, RecursionError) as error:
            raise InvalidDirectory([Problem("datapackage.json", None, None, f"not readable JSON: {error}")]) from None
        resources = package.get("resources") if isinstance(package, dict) else None
        for resource in resources if isinstance(resources, list) else []:
            name, path = (resource.get("name"), resource.get("path")) if isinstance(resource, dict) else (None, None)
            # Only a file inside the package: a descriptor may not read "../../elsewhere.csv".
            if isinstance(name, str) and name in paths and isinstance(path, str) and _inside(path):
                paths[name] = path
    return paths


def _inside(path: str) -> bool:
    parts = Path(path).parts
    return bool(parts) and not Path(path).is_absolute() and ".." not in parts


def read_package(folder: Path) -> Directory:
    """Read and validate a package; raises ``InvalidDirectory`` listing every problem."""
    if not folder.is_dir():
        raise InvalidDirectory([Problem(str(folder), None, None, "is not a folder")])
    directory = Directory()
    problems: list[Problem] = []
    origin: Origin = {}
    found_any = False
    for name, path in table_paths(folder).items():
        file = folder / path
        if not file.exists():
            continue
        found_any = True
        spec = tables()[name]
        with file.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            for line, raw in enumerate(reader, start=2):
                if None in raw:
                    problems.append(Problem(path, line, None, "more cells than the header has columns"))
                    raw.pop(None)
                row, found = parse_row(spec, raw, path, line)
                problems.extend(found)
                origin[(name, f"#{len(directory.rows(name))}")] = (path, line)
                directory.rows(name).append(row)
    if not found_any:
        problems.append(Problem(str(folder), None, None, "no HSDS CSV files (e.g. services.csv) found"))
    problems.extend(check_keys(directory, origin))
    if problems:
        raise InvalidDirectory(problems)
    return directory


def cell(value: Value) -> str:
    return "" if value is None else str(value)


def write_package(directory: Directory, folder: Path) -> list[Path]:
    """Write one CSV per non-empty table and a datapackage.json describing exactly those."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    descriptor = copy.deepcopy(datapackage())
    names: set[str] = set()
    for name, spec in tables().items():
        rows: list[Row] = directory.rows(name)
        if not rows:
            continue
        names.add(name)
        path = folder / spec.path
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(spec.field_names)
            writer.writerows([cell(r.get(f)) for f in spec.field_names] for r in rows)
        written.append(path)
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in names]
    meta = folder / "datapackage.json"
    meta.write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")
    return [meta, *written]
