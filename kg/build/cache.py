"""Per-input extraction cache: an unchanged input (same bytes, same extraction code) is not re-extracted.

An entry is DIR/cache/<sha256 of the input's bytes>-<extraction code fingerprint>.records.pickle: the input's
records, status, reasons and warnings as one pickle (protocol 5) behind a small header (magic, length, CRC-32 of
the pickle), so a file cut short or altered is a miss (re-extracted), never wrong records. With parallel jobs the
worker that extracted an input writes its entry and the parent reads it back (``extract_and_store``): the records
are pickled once, not once for the pipe and again for the cache, and a rebuild reads the national cache (53,266
records) in seconds — the gzip JSON this replaces took minutes (bench/README.md, "Extraction (issue 22)").
Entries are read with the cyclic garbage collector paused: unpickling allocates millions of containers and the
collector's passes over them cost a third of the load.

The pickle is read only from the build's own output folder, which kg writes: whoever can write there can also
change every other output, so reading it trusts nothing more than the build already does.

Which code the fingerprint covers (``code_fingerprint``): only what extraction runs, so changing a linker, the
emitter, the validator or the store keeps the cache valid, and changing a reader, extractor, source or normaliser
re-extracts everything. It is computed, not listed by hand:

- every file under the extraction roots (``EXTRACTION_ROOTS``: kg/read, kg/extract, kg/sources, kg/normalize,
  kg/records.py, kg/build/guard.py, kg/build/inputs.py, this module);
- every kg module those files import (``import kg.x`` / ``from kg.x import y``, also inside functions and
  ``__import__("kg.x")``), followed transitively, and the ``__init__.py`` of each package on the way;
- the source text of the functions of kg/build/pipeline.py that run an input (``PIPELINE_FUNCTIONS``), not the
  rest of that file;
- each file of kg/data whose name appears in that code (extraction reads none today).

Keeping it right: extraction code that reaches other code or data without naming it (a module loaded by a
computed name, a data file whose name is built at run time, a new function of pipeline.py that process_input
calls) must be named here, in ``EXTRACTION_ROOTS`` or ``PIPELINE_FUNCTIONS``; tests/unit/build/test_extract_cache.py
checks that every kg module imported while extracting the seeds, a JUDGIT file and an RS download is covered.
- the name and version of each third-party distribution those files import (``third_party_versions``: pdfplumber,
  pdfminer.six, openpyxl, …), so an upgraded parser re-extracts; one not installed counts as "absent".
``--no-cache`` or deleting DIR/cache re-extracts too.
"""
from __future__ import annotations

import ast
import gc
import hashlib
import os
import pickle
import re
import struct
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from kg.build.inputs import Input
from kg.paths import DATA_DIR, PACKAGE_DIR

EXTRACTION_ROOTS = ("read", "extract", "sources", "normalize", "records.py", "build/guard.py", "build/inputs.py",
                    "build/cache.py")
PIPELINE_FUNCTIONS = ("process_input", "read_judgit", "_refuse_unestablished")
SUFFIX = ".records.pickle"
MAGIC = b"KGXC\x01"  # format version 1: MAGIC, pickle length (8 bytes), CRC-32 (4 bytes), pickle
_HEADER = struct.Struct("<QI")


def _module_file(name: str) -> Path | None:
    """The file of kg module ``name`` ("kg.sources.rs" -> kg/sources/rs.py, a package -> its __init__.py)."""
    parts = name.split(".")
    if parts[0] != "kg":
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for p in (base.with_suffix(".py"), base / "__init__.py"):
        if p.is_file():
            return p
    return None


@lru_cache(maxsize=1024)  # one parse per file text, shared by extraction_files and third_party_versions
def _imported(source: str | bytes) -> frozenset[str]:
    """Modules named by the import statements (anywhere in ``source``) and ``__import__("…")`` calls."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return frozenset()
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)  # `from kg.x import module`
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            out.add(node.args[0].value)
    return frozenset(out)


def _imports(source: str | bytes) -> set[str]:
    """kg modules named by the import statements (anywhere in ``source``) and ``__import__("kg.…")`` calls."""
    names = set()
    for m in _imported(source):
        if m == "kg" or m.startswith("kg."):
            parts = m.split(".")
            names.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))  # parent packages run too
    return names


def extraction_files() -> list[Path]:
    """The files whose contents the fingerprint covers (see the module doc), sorted."""
    todo: list[Path] = []
    for root in EXTRACTION_ROOTS:
        p = PACKAGE_DIR / root
        todo.extend(sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p])
    pipeline = PACKAGE_DIR / "build" / "pipeline.py"
    todo.extend(f for m in _imports(_pipeline_source()) if (f := _module_file(m)) is not None)
    seen: set[Path] = {pipeline}  # only its extraction functions count (code_fingerprint), not what it imports
    while todo:
        p = todo.pop()
        if p in seen or "__pycache__" in p.parts:
            continue
        seen.add(p)
        if p.suffix == ".py":
            todo.extend(f for m in _imports(p.read_bytes()) if (f := _module_file(m)) is not None and f not in seen)
    code = "".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(seen) if p.suffix == ".py")
    if DATA_DIR.is_dir():
        seen.update(d for d in DATA_DIR.iterdir()
                    if d.is_file() and d.suffix not in (".md", ".txt") and d.name in code)  # not its notes
    seen.discard(pipeline)
    return sorted(seen)


def _pipeline_source() -> str:
    import inspect
    import textwrap

    from kg.build import pipeline

    try:
        return "\n".join(textwrap.dedent(inspect.getsource(getattr(pipeline, f))) for f in PIPELINE_FUNCTIONS)
    except (OSError, TypeError):  # no source to read (a frozen build): the whole module's file, if any
        p = PACKAGE_DIR / "build" / "pipeline.py"
        return p.read_text(encoding="utf-8", errors="replace") if p.is_file() else ""


def third_party_versions(files: list[Path] | None = None) -> list[str]:
    """"distribution=version" of every third-party distribution the extraction code imports, sorted ("=absent" when
    it is not installed): the parsers whose upgrade can change what is extracted, and Sudachi's dictionary, which
    is loaded by name, not imported."""
    import importlib.metadata as md

    from kg.normalize import sudachi

    files = extraction_files() if files is None else files
    tops = {m.split(".")[0] for src in [*(p.read_bytes() for p in files if p.suffix == ".py"), _pipeline_source()]
            for m in _imported(src)}
    tops -= {"kg", "__future__", *sys.stdlib_module_names}
    dists = md.packages_distributions()
    named = {d for top in tops for d in dists.get(top, [top])}
    if PACKAGE_DIR / "normalize" / "sudachi.py" in files:
        named.update(sudachi.DISTRIBUTIONS)
    out = set()
    for dist in {re.sub(r"[-_.]+", "-", d).lower() for d in named}:  # PEP 503 names: one entry per distribution
        try:
            out.add(f"{dist}={md.version(dist)}")
        except md.PackageNotFoundError:
            out.add(f"{dist}=absent")
    return sorted(out)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    h = hashlib.sha256()
    files = extraction_files()
    for p in files:
        h.update(p.relative_to(PACKAGE_DIR).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
    h.update(_pipeline_source().encode())
    h.update("\0".join(third_party_versions(files)).encode())
    h.update(f"python{sys.version_info[0]}.{sys.version_info[1]}".encode())
    return h.hexdigest()[:16]


def input_fingerprint(inp: Input) -> str | None:
    p = Path(inp.path)
    h = hashlib.sha256()
    try:
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            h.update(os.fsencode(f.name))  # names that are not UTF-8 too
            with f.open("rb") as fh:
                for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""):
                    h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def dump(payload: dict, path: Path) -> None:
    """Write ``payload`` as a cache entry at ``path`` (atomically: a temporary file renamed into place)."""
    data = pickle.dumps(payload, protocol=5)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(MAGIC + _HEADER.pack(len(data), zlib.crc32(data)))
            f.write(data)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def load(path: Path) -> dict | None:
    """The payload of the cache entry at ``path``; None when it is missing, cut short, altered or unreadable."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(MAGIC) + _HEADER.size)
            if len(head) != len(MAGIC) + _HEADER.size or not head.startswith(MAGIC):
                return None
            size, crc = _HEADER.unpack(head[len(MAGIC):])
            data = f.read(size + 1)
    except OSError:
        return None
    if len(data) != size or zlib.crc32(data) != crc:
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        payload = pickle.loads(data)
    except Exception:  # noqa: BLE001 - whatever a damaged entry raises, it is a miss
        return None
    finally:
        if enabled:
            gc.enable()
    return payload if isinstance(payload, dict) and isinstance(payload.get("records"), list) else None


class ExtractCache:
    def __init__(self, out_dir: str | Path):
        self.dir = Path(out_dir) / "cache"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.code = code_fingerprint()

    def _path(self, fp: str) -> Path:
        return self.dir / f"{fp[:32]}-{self.code}{SUFFIX}"

    def path_for(self, inp: Input, fp: str | None = None) -> Path | None:
        """Where ``inp``'s entry is (``fp``: its input_fingerprint when already known); None: not cacheable."""
        fp = fp or input_fingerprint(inp)
        return self._path(fp) if fp else None

    def get(self, inp: Input, fp: str | None = None) -> dict | None:
        p = self.path_for(inp, fp)
        data = load(p) if p is not None else None
        return data if data is not None and data.get("input") == inp.path else None

    def put(self, inp: Input, payload: dict, fp: str | None = None) -> Path | None:
        """Write ``inp``'s entry; returns its path (None when the input cannot be fingerprinted)."""
        p = self.path_for(inp, fp)
        if p is None:
            return None
        dump(dict(payload, input=inp.path), p)
        return p

    def prune(self) -> int:
        """Remove entries written by other versions of the extraction code (and the gzip JSON of older kg)."""
        n = 0
        for p in [*self.dir.glob(f"*{SUFFIX}"), *self.dir.glob("*.json.gz"), *self.dir.glob(f"*{SUFFIX}.*.tmp")]:
            if not p.name.endswith(f"-{self.code}{SUFFIX}"):
                p.unlink(missing_ok=True)
                n += 1
        return n
