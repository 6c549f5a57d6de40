"""The build's terms stage (kg.build.terms): every text's terms computed once, on several processes, equal to what
kg.normalize.terms gives; kept in DIR/cache and read back by the next build; forgotten after the build."""
from __future__ import annotations

from kg.build import terms as stage
from kg.normalize import terms as term_layer


def _records() -> list[dict]:
    names = ["サイバー・セキュリティ対策経費", "ｻｲﾊﾞｰｾｷｭﾘﾃｨ人材育成事業", "住民基本台帳ネットワークシステムの運営"]
    recs = []
    for i in range(60):
        recs.append({"project_name": f"{names[i % 3]}（その{i}）", "purpose": f"地方公共団体の情報セキュリティ向上を図る。第{i}期",
                     "extra": {"overview": "自治体情報セキュリティクラウドの構築を支援する。"},
                     "payees": [{"name": f"(株)エヌ・ティ・ティ・データ{i % 7}"}, {"name": "北海道"}]})
    return recs


def test_terms_are_computed_once_equal_and_cached(tmp_path, monkeypatch):
    recs = _records()
    texts = stage.texts_of(recs)
    assert "北海道" in texts and "株式会社エヌ・ティ・ティ・データ3" in texts  # payee labels as emitted (display name)
    assert "自治体情報セキュリティクラウドの構築を支援する。" in texts and len(texts) == len(set(texts))
    expected = {t: term_layer._terms(t) for t in texts}
    assert expected["サイバー・セキュリティ対策経費（その0）"][:2] == ("サイバー", "セキュリティー")
    monkeypatch.setattr(stage, "PARALLEL_MIN_TEXTS", 0)  # forked workers even for a few texts
    try:
        first = stage.precompute(recs, jobs=2, cache_dir=tmp_path)
        assert first == {"texts": len(texts), "tokenised": len(texts), "from_cache": 0}
        assert {t: term_layer.terms(t) for t in texts} == expected
        assert term_layer._KNOWN["北海道"] == expected["北海道"]
        (cached,) = tmp_path.glob("terms-*.pickle")
        term_layer.forget()
        assert term_layer._KNOWN == {}
        second = stage.precompute(recs + [{"project_name": "新しい統計調査の実施"}], jobs=1, cache_dir=tmp_path)
        assert second == {"texts": len(texts) + 1, "tokenised": 1, "from_cache": len(texts)}
        assert term_layer.terms("新しい統計調査の実施") == term_layer._terms("新しい統計調査の実施")
        assert {t: term_layer.terms(t) for t in texts} == expected
    finally:
        term_layer.forget()


def test_an_unreadable_cache_is_rebuilt(tmp_path):
    recs = _records()[:3]
    (tmp_path / f"terms-{stage.fingerprint()}.pickle").write_bytes(b"not a pickle")
    try:
        got = stage.precompute(recs, jobs=1, cache_dir=tmp_path)
        assert got["from_cache"] == 0 and got["tokenised"] == got["texts"] > 0
    finally:
        term_layer.forget()
