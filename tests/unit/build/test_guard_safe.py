"""kg.build.guard's proof that a record needs no fixing (its pickle, else its JSON text): never says safe for a
record the walk would change, and a pickle that only looks unsafe (a float's bytes) is decided by the JSON text."""
from __future__ import annotations

import json
import os
import pickle
import struct

from kg.build.guard import _SURROGATE_UTF8, _already_safe, make_safe


def test_lone_surrogates_anywhere_are_not_safe():
    lone = json.loads('"\\ud800x"')  # JSON escapes give Python lone surrogates (a JUDGIT line can hold them)
    bad_name = os.fsdecode(b"\x83V.txt")  # a file name that is not UTF-8
    for rec in ({"project_name": lone}, {"extra": {lone: 1}}, {"payees": [{"name": ("a", bad_name)}]},
                {"provenance": {"path": bad_name}}):
        assert not _already_safe(rec, 1000), rec
        make_safe(rec)
        json.dumps(rec, ensure_ascii=False).encode("utf-8")  # writable after the walk


def test_length_bounds():
    assert _already_safe({"project_name": "長" * 10}, 100)
    assert not _already_safe({"project_name": "長" * 101}, 100)
    # 60 kanji: 180 bytes of pickle, over 100, but 60-odd characters of JSON: the JSON proof says safe
    assert _already_safe({"project_name": "長" * 60}, 100)


def test_a_float_that_looks_like_a_surrogate_is_still_safe():
    x = struct.unpack(">d", b"\x40\xed\xa0\x00\x00\x00\x00\x01")[0]
    rec = {"payees": [{"amount": x, "name": "総務省"}]}
    assert _SURROGATE_UTF8.search(pickle.dumps(rec, protocol=5))  # the pickle alone cannot prove it
    assert _already_safe(rec, 1000)
    before = json.dumps(rec, ensure_ascii=False)
    make_safe(rec)
    assert rec.pop("warnings") == [] and json.dumps(rec, ensure_ascii=False) == before
