"""kg.query.search.query_weights: tf·idf of a program's terms within its own text (kg similar)."""
from __future__ import annotations

import math

from kg.normalize.terms import terms
from kg.query.search import query_weights


def test_a_word_used_again_and_again_outweighs_a_rare_word_used_once():
    # the README's program: サイバー/セキュリティー run through its texts; 過度 and 依存 appear once, in passing
    name = "政府端末情報を活用したサイバーセキュリティ情報の収集・分析に係る実証事業"
    purpose = "サイバー攻撃が巧妙化する中、特定の製品に過度に依存しないサイバーセキュリティ対策を実証する。"
    summary = "政府端末のセキュリティ情報を収集し、サイバー攻撃の分析手法を検証する。"
    ts = sorted(set(terms(name) + terms(purpose) + terms(summary)))
    assert {"サイバー", "セキュリティー", "過度", "依存"} <= set(ts)
    n_docs = 10000
    df = {t: 100 for t in ts}
    df.update({"過度": 20, "依存": 20})  # rarer in the store than サイバー
    w = query_weights((name, purpose, summary), ts, df, n_docs)
    tf_cyber = 2 * 1 + 2 + 1  # the name counts twice
    assert w["サイバー"] == math.log(n_docs / 100) * (1 + math.log(tf_cyber))
    assert w["過度"] == math.log(n_docs / 20)  # tf 1
    assert w["サイバー"] > w["過度"] and w["セキュリティー"] > w["依存"]
    # a node term its texts do not hold (a 施策 label) counts as tf 1; a term held by every node weighs 0
    w = query_weights((name, purpose, summary), ["政策評価"], {"政策評価": n_docs}, n_docs)
    assert w == {"政策評価": 0.0}
