"""Issue 20/21: an entity page shows how many findings are about it and links to them; /findings links back to the
entity pages. On the small JUDGIT 2017 build of tests/test_findings.py (a prefecture paid under another
prefecture's 法人番号)."""
from __future__ import annotations

from urllib.parse import quote

from tests.test_findings import AOMORI, BASE, HOKKAIDO, small_build  # noqa: F401 - the fixture
from tests.test_serve import http, kg_serve


def test_entity_page_counts_and_links_its_findings_and_back(small_build):  # noqa: F811
    out, _ = small_build
    corp = f"{BASE}corp/{AOMORI}"
    with kg_serve(out) as url:
        status, _, page = http(f"{url}/corp/{AOMORI}")
        assert status == 200 and f'<b id="houjin">{AOMORI}</b>' in page
        count = int(page.split('id="findings-count">', 1)[1].split("<", 1)[0])
        assert count >= 1
        link = f"/findings?target={quote(corp, safe='')}"
        assert f'href="{link}"' in page
        status, _, findings = http(url + link)
        assert status == 200 and "local_government_number_mismatch" in findings and HOKKAIDO in findings
        assert findings.count("<tr id=") == count  # the page lists exactly the findings counted
        assert f'<a id="target-page" href="/corp/{AOMORI}">' in findings
        assert f'<a class="entity" href="/corp/{AOMORI}">{corp}</a>' in findings  # each fact links to its page
        # the sheet the finding is about links to its own page too, and that page counts the finding
        sheet = next(part.split('"', 1)[0] for part in findings.split('<a class="entity" href="')[1:]
                     if part.startswith("/sheet/"))
        status, _, page = http(url + sheet)
        assert status == 200 and int(page.split('id="findings-count">', 1)[1].split("<", 1)[0]) >= 1
