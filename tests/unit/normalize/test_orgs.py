"""外局 -> 府省庁 as JUDGIT files them; names with a (full-width) space split."""
from __future__ import annotations

import pytest

from kg.normalize.orgs import is_known, ministry_key, parent_ministry


@pytest.mark.parametrize("name,expected", [
    ("消防庁", ("総務省", "消防庁")),
    ("公害等調整委員会", ("総務省", "公害等調整委員会")),
    ("文化庁", ("文部科学省", "文化庁")),
    ("スポーツ庁", ("文部科学省", "スポーツ庁")),
    ("国税庁", ("財務省", "国税庁")),
    ("特許庁", ("経済産業省", "特許庁")),
    ("資源エネルギー庁", ("経済産業省", "資源エネルギー庁")),
    ("林野庁", ("農林水産省", "林野庁")),
    ("公安調査庁", ("法務省", "公安調査庁")),
    ("中央労働委員会", ("厚生労働省", "中央労働委員会")),
    ("国土交通省　観光庁", ("国土交通省", "観光庁")),
    ("国土交通省 運輸安全委員会", ("国土交通省", "運輸安全委員会")),
    ("総務省消防庁", ("総務省", "消防庁")),
    ("入国管理局", ("法務省", "出入国在留管理庁")),
])
def test_agencies_map_to_parent(name, expected):
    assert parent_ministry(name) == expected


@pytest.mark.parametrize("name", ["総務省", "金融庁", "消費者庁", "原子力規制委員会", "デジタル庁", "こども家庭庁"])
def test_bodies_judgit_files_on_their_own(name):
    assert parent_ministry(name) == (name, None)


def test_unknown_and_blank_names_are_kept():
    assert parent_ministry("架空調整庁") == ("架空調整庁", None)
    assert not is_known("架空調整庁")
    assert parent_ministry(None) == ("", None)
    assert is_known("国土交通省　気象庁")


def test_ministry_key_folds_width_and_space():
    assert ministry_key("国土交通省　観光庁") == ministry_key("国土交通省 観光庁") == "国土交通省観光庁"
    assert ministry_key("ｽﾎﾟｰﾂ庁") == "スポーツ庁"
