"""The extraction cache (kg.build.cache): entries written by the workers, read back equal; a damaged entry is a miss
and the input is extracted again; the code fingerprint covers the extraction code and nothing else."""
from __future__ import annotations

import gzip
import itertools
import pickle
import shutil
import subprocess
import sys
import zlib

import pytest

from kg.build import cache as kc
from kg.build.inputs import discover
from kg.build.pipeline import extract_all, process_input
from tests.conftest import ROOT, SEEDS, shared_path

SEED3 = "003_dbf95f44c3587854.txt"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The seeds and the first 40 sheets of JUDGIT 2017 (a .ndjson.gz of its own)."""
    d = tmp_path_factory.mktemp("in")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, d / p.name)
    with gzip.open(shared_path("data", "judgit", "judgit-2017.ndjson.gz"), "rt", encoding="utf-8") as f, \
            gzip.open(d / "judgit-2017.ndjson.gz", "wt", encoding="utf-8") as g:
        g.writelines(itertools.islice(f, 40))
    return discover([d])


def _by_name(results):
    return {r.input.path.rsplit("/", 1)[-1]: r for r in results}


def _payload(res):
    return {"records": res.records, "status": res.status, "reasons": res.reasons, "warnings": res.warnings}


def test_workers_write_entries_read_back_equal(inputs, tmp_path):
    cache = kc.ExtractCache(tmp_path)
    first = extract_all(inputs, jobs=2, cache=cache)
    assert not any(r.cached for r in first)
    entries = sorted(cache.dir.glob(f"*{kc.SUFFIX}"))
    assert len(entries) == len(inputs) == 6
    assert all(e.name.endswith(f"-{kc.code_fingerprint()}{kc.SUFFIX}") for e in entries)
    fresh = {inp.path: _payload(process_input(inp)) for inp in inputs}  # no cache, no pool
    assert {r.input.path: _payload(r) for r in first} == fresh  # the records that came back through the entries
    second = extract_all(inputs, jobs=2, cache=cache)
    assert all(r.cached for r in second)
    assert {r.input.path: _payload(r) for r in second} == fresh
    seed = _by_name(second)[SEED3].records[0]
    assert seed["project_number"] == "2021-総務-20-0095"
    assert seed["payees"][2]["corporate_number"] == "1010001143390"
    judgit = _by_name(second)["judgit-2017.ndjson.gz"].records
    assert len(judgit) == 40 and judgit[0]["provenance"]["line"] == 1 and judgit[0]["sheet_fiscal_year"] == 2017


def _damage(kind: str, data: bytes) -> bytes:
    head = len(kc.MAGIC) + kc._HEADER.size
    if kind == "cut":
        return data[: len(data) // 2]
    if kind == "flipped":
        i = head + (len(data) - head) // 2
        return data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1:]
    if kind == "magic":
        return b"XXXX" + data[4:]
    if kind == "empty":
        return b""
    if kind == "gzip json":  # an entry of the format this one replaced, under the new name
        return gzip.compress(b'{"records": []}')
    body = {"not a dict": pickle.dumps(["records"]),
            "bad pickle": b"\x80\x05\x95garbage that is no pickle",
            "unknown class": b"ckg.no_such_module\nFoo\n)R."}[kind]
    return kc.MAGIC + kc._HEADER.pack(len(body), zlib.crc32(body)) + body  # a valid header over a bad body


@pytest.mark.parametrize("kind", ["cut", "flipped", "magic", "empty", "gzip json", "not a dict", "bad pickle",
                                  "unknown class"])
def test_a_damaged_entry_is_a_miss_and_extracted_again(inputs, tmp_path, kind):
    seed = next(i for i in inputs if i.path.endswith(SEED3))
    cache = kc.ExtractCache(tmp_path)
    [res] = extract_all([seed], cache=cache)
    [entry] = cache.dir.glob(f"*{kc.SUFFIX}")
    good = entry.read_bytes()
    entry.write_bytes(_damage(kind, good))
    assert cache.get(seed) is None
    [again] = extract_all([seed], cache=cache)
    assert not again.cached and again.status == res.status
    assert again.records[0]["payees"][2]["corporate_number"] == "1010001143390"
    assert kc.load(entry) is not None and entry.read_bytes() == good  # written again, whole
    [third] = extract_all([seed], jobs=2, cache=cache)
    assert third.cached and third.records == res.records


def test_an_entry_of_another_input_path_is_a_miss(inputs, tmp_path):
    seed = next(i for i in inputs if i.path.endswith(SEED3))
    cache = kc.ExtractCache(tmp_path)
    extract_all([seed], cache=cache)
    copy = tmp_path / "copy.txt"
    shutil.copy(seed.path, copy)
    other = type(seed)(str(copy), "document")
    assert cache.get(seed) is not None and cache.get(other) is None  # same bytes, other file: its own source name


def test_prune_keeps_this_code_and_the_terms_cache(inputs, tmp_path):
    cache = kc.ExtractCache(tmp_path)
    extract_all(inputs[:1], cache=cache)
    old = cache.dir / f"{'a' * 32}-0123456789abcdef{kc.SUFFIX}"
    legacy = cache.dir / f"{'b' * 32}-0123456789abcdef.json.gz"
    terms = cache.dir / "terms-0123.pickle"
    for p in (old, legacy, terms):
        p.write_bytes(b"x")
    assert cache.prune() == 2
    assert not old.exists() and not legacy.exists() and terms.exists()
    assert len(list(cache.dir.glob(f"*-{cache.code}{kc.SUFFIX}"))) == 1


def test_fingerprint_covers_extraction_code_only(tmp_path, monkeypatch):
    pkg = tmp_path / "kg"
    shutil.copytree(kc.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kc, "PACKAGE_DIR", pkg)
    monkeypatch.setattr(kc, "DATA_DIR", pkg / "data")
    names = {p.relative_to(pkg).as_posix() for p in kc.extraction_files()}
    assert {"sources/judgit.py", "sources/rs.py", "sources/rs_goals.py", "normalize/text.py", "read/ndjson.py",
            "extract/checks.py", "extract/indicators.py", "records.py", "build/guard.py", "build/inputs.py",
            "build/cache.py"} <= names
    assert not [n for n in names if n.split("/")[0] in ("link", "emit", "validate", "query", "cli", "publish")]
    assert "build/pipeline.py" not in names and "build/parallel.py" not in names

    def fingerprint() -> str:
        kc.code_fingerprint.cache_clear()
        return kc.code_fingerprint()

    try:
        base = fingerprint()
        for rel in ("link/evidence.py", "emit/rdf.py", "validate/__init__.py", "build/parallel.py"):
            (pkg / rel).write_text((pkg / rel).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        assert fingerprint() == base  # a linker, emitter or validator change keeps the cache
        for rel in ("sources/judgit.py", "normalize/houjin.py", "records.py", "extract/indicators.py"):
            before = (pkg / rel).read_text(encoding="utf-8")
            (pkg / rel).write_text(before + "\n# changed\n", encoding="utf-8")
            assert fingerprint() != base, rel  # an extraction change re-extracts
            (pkg / rel).write_text(before, encoding="utf-8")
        assert fingerprint() == base
    finally:
        kc.code_fingerprint.cache_clear()


def test_fingerprint_covers_the_parsers_versions(monkeypatch):
    """Upgrading a parser extraction imports (pdfplumber) or Sudachi's dictionary (loaded by name) re-extracts;
    upgrading a package extraction does not use (rdflib, the emitter's) keeps the cache."""
    import importlib.metadata as md

    names = {v.split("=")[0] for v in kc.third_party_versions()}
    assert {"pdfplumber", "pdfminer-six", "openpyxl", "sudachipy", "sudachidict-core"} <= names
    assert not names & {"rdflib", "pyoxigraph", "networkx", "pytest"}
    real = md.version

    def fingerprint(bumped: str) -> str:
        monkeypatch.setattr(md, "version", lambda d: "99.0" if d == bumped else real(d))
        kc.code_fingerprint.cache_clear()
        return kc.code_fingerprint()

    try:
        base = fingerprint("")
        assert fingerprint("pdfplumber") != base
        assert fingerprint("sudachidict-core") != base
        assert fingerprint("rdflib") == base
    finally:
        kc.code_fingerprint.cache_clear()


def test_every_module_extraction_imports_is_fingerprinted(inputs):
    """Extract the seeds, 40 JUDGIT sheets and the 総務省 RS download in a fresh interpreter: every kg module that
    extraction loads is a file the fingerprint covers."""
    paths = [i.path for i in inputs] + [str(shared_path("data", "rs2024-soumu"))]
    code = ("import sys\nfrom kg.build import pipeline\nfrom kg.build.inputs import discover\n"
            "before = set(sys.modules)\n"
            f"res = [pipeline.process_input(i) for i in discover({paths!r})]\n"
            "assert all(r.status in ('ok', 'warnings') for r in res), [(r.input.path, r.reasons) for r in res]\n"
            "assert sum(len(r.records) for r in res) == 5 + 40 + 219\n"
            "print('\\n'.join(sorted(m for m in set(sys.modules) - before if m.startswith('kg'))))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr
    loaded = set(r.stdout.split())
    assert {"kg.sources.judgit", "kg.sources.rs", "kg.extract.dispatch"} <= loaded
    files = set(kc.extraction_files())
    missing = [m for m in loaded if kc._module_file(m) not in files]
    assert not missing, f"extraction loads modules the cache fingerprint does not cover: {missing}"


def test_an_entry_lost_after_the_worker_wrote_it_is_extracted_again(inputs, tmp_path, monkeypatch):
    cache = kc.ExtractCache(tmp_path)
    monkeypatch.setattr(kc, "load", lambda path: None)  # the parent finds nothing readable where the worker wrote
    got = extract_all(inputs, jobs=2, cache=cache)
    assert [len(r.records) for r in got] == [len(process_input(i).records) for i in inputs]
    assert _by_name(got)[SEED3].records[0]["payees"][2]["corporate_number"] == "1010001143390"
    assert not any(r.cached for r in got)
