"""kg.query.store.load_store: the chunked load on several threads gives the store one bulk_load gives, and a
chunk that does not parse names the file and its lines."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query import store as S

G = "https://kg.example.org/graph/judgit-2023"
CORP = "https://kg.example.org/corp/1010001143390"


def _lines() -> list[str]:
    """Sorted, unique N-Quads as graph.nq holds them: a corporation's 法人番号 and label, payee rows with amounts."""
    out = [f'<{CORP}> <https://kg.example.org/ns#corporateNumber> "1010001143390" <{G}> .\n',
           f'<{CORP}> <http://www.w3.org/2000/01/rdf-schema#label> "株式会社日立製作所"@ja <{G}> .\n']
    for i in range(1, 24):
        row = f"https://kg.example.org/payee-row/2023-0039-A-{i}"
        out.append(f"<{row}> <https://kg.example.org/ns#payee> <{CORP}> <{G}> .\n")
        out.append(f'<{row}> <https://kg.example.org/ns#amount> "{i * 7.5}"'
                   f"^^<http://www.w3.org/2001/XMLSchema#decimal> <{G}> .\n")
    return sorted(set(out))


def _quads(st: ox.Store) -> set[str]:
    return {str(q) for q in st}


def test_chunked_load_equals_one_bulk_load(tmp_path, monkeypatch):
    nq = tmp_path / "graph.nq"
    nq.write_text("".join(_lines()), encoding="utf-8")
    one = S.load_store(tmp_path / "one", nq, threads=1)
    monkeypatch.setattr(S, "LOAD_CHUNK_LINES", 5)  # 48 lines: 10 chunks over 2 threads
    chunked = S.load_store(tmp_path / "chunked", nq, threads=2)
    S.finish_store(chunked)
    assert len(chunked) == len(_lines()) == 48
    assert _quads(chunked) == _quads(one)
    amounts = {q.object.value for q in chunked.quads_for_pattern(
        None, ox.NamedNode("https://kg.example.org/ns#amount"), None)}
    assert "172.5" in amounts  # row 23: 23 × 7.5 百万円
    number = next(chunked.quads_for_pattern(ox.NamedNode(CORP), ox.NamedNode(
        "https://kg.example.org/ns#corporateNumber"), None))
    assert number.object.value == "1010001143390"


def test_a_chunk_that_does_not_parse_names_the_file_and_lines(tmp_path, monkeypatch):
    lines = _lines()
    lines[7] = lines[7].replace("payee-row/", "payee row/")  # a space inside an IRI, in the second chunk
    nq = tmp_path / "graph.nq"
    nq.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(S, "LOAD_CHUNK_LINES", 5)
    with pytest.raises(SyntaxError) as e:
        S.load_store(tmp_path / "bad", nq, threads=2)
    assert str(nq) in str(e.value) and "lines 6-10" in str(e.value)
