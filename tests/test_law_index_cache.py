"""The law index kept pickled in a build's cache folder for `kg add` (kg.link.laws.LawIndex.load(cache_dir=...)),
and not loaded at all for documents that cite no law (issue 22)."""
from __future__ import annotations

from kg.link import laws
from kg.link.laws import LAW_LIST, LawIndex
from kg.link.statutes import link_statutes

NAMES = ("サイバーセキュリティ基本法", "総務省設置法第4条第59号", "電子署名及び認証業務に関する法律", "個人情報保護法",
         "地方交付税法")


def _fresh_process_cache():
    laws._CACHE.pop(str(LAW_LIST), None)


def test_pickled_index_resolves_as_the_fresh_one(tmp_path):
    _fresh_process_cache()
    fresh = LawIndex.load(cache_dir=tmp_path)
    files = list(tmp_path.glob("law-index-*.pickle"))
    assert len(files) == 1
    expect = {n: (fresh.resolve(n).law_id, fresh.resolve(n).law_number) for n in NAMES}
    assert expect["サイバーセキュリティ基本法"][0] == "426AC1000000104"
    _fresh_process_cache()
    again = LawIndex.load(cache_dir=tmp_path)
    assert again is not fresh and len(again.by_id) == len(fresh.by_id) > 8000
    assert {n: (again.resolve(n).law_id, again.resolve(n).law_number) for n in NAMES} == expect
    # a damaged file is rebuilt, not trusted
    (tmp_path / "law-index-000000000000000000000000.pickle").write_bytes(b"of another version")
    files[0].write_bytes(b"not a pickle")
    _fresh_process_cache()
    rebuilt = LawIndex.load(cache_dir=tmp_path)
    assert rebuilt.resolve("サイバーセキュリティ基本法").law_id == "426AC1000000104"
    assert [p.name for p in tmp_path.glob("law-index-*.pickle")] == [files[0].name]  # the other version went
    _fresh_process_cache()


def test_records_without_laws_do_not_load_the_index(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("the law index was loaded")

    monkeypatch.setattr(LawIndex, "load", classmethod(refuse))
    stats = link_statutes([{"document_type": "review_sheet", "legal_bases": []}, {"document_type": "review_sheet"}])
    assert stats == {"citations": 0, "resolved": 0, "unresolved": 0, "by_method": {}, "doubtful_ids": 0,
                     "internal_errors": 0}
