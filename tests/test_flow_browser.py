"""Issue 18: the money-flow page of `kg serve` (/flow) in headless Chromium: the Sankey of seed 003 shows block B
(PwCコンサルティング) passing 6 百万円 to block H (Asia Wise法律事務所); the form loads another program; an unknown
program gives the error box. Needs chromium + chromium-driver and selenium (fails with that message, never skips)."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

from tests.test_browser import browser, wait  # noqa: F401 - the shared headless Chromium fixture
from tests.test_serve import kg_serve, seeds_build


@pytest.fixture(scope="module")
def flow_page(browser, tmp_path_factory):  # noqa: F811 - the fixture imported above
    store = seeds_build(tmp_path_factory)
    with kg_serve(store) as url:
        yield browser, url


def test_sankey_of_seed_003_in_the_browser(flow_page):
    from selenium.webdriver.common.by import By

    driver, url = flow_page
    driver.get(f"{url}/flow?program={urllib.parse.quote('2021-総務-20-0095')}")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#flow-sankey svg path.link"))
    titles = [t.get_attribute("textContent") for t in driver.find_elements(By.CSS_SELECTOR, "path.link title")]
    assert "B. PwCコンサルティング合同会社 → H. Asia Wise法律事務所: 6 百万円 (再委託)" in titles
    kinds = {g.get_attribute("data-kind") for g in driver.find_elements(By.CSS_SELECTOR, "g.node")}
    assert kinds == {"ministry", "program", "block", "payee"}
    tree = driver.find_element(By.ID, "flow-tree").text
    assert "→ H. Asia Wise法律事務所  (再委託)  6 百万円" in tree
    # the form: a program that does not exist gives the error box and no drawing
    box = driver.find_element(By.ID, "flow-program")
    box.clear()
    box.send_keys("no-such-program-xyz")
    driver.find_element(By.ID, "flow-go").click()
    wait(driver, lambda d: d.find_elements(By.ID, "flow-error"))
    assert "no-such-program-xyz" in driver.find_element(By.ID, "flow-error").text
    assert not driver.find_elements(By.CSS_SELECTOR, "#flow-sankey svg")


def test_flow_json_and_default_page(flow_page):
    _, url = flow_page
    q = urllib.parse.quote("2021-総務-20-0095")
    with urllib.request.urlopen(f"{url}/flow?program={q}&format=json", timeout=60) as r:
        g = json.loads(r.read())
    assert [lk["value"] for lk in g["links"] if lk["source"].endswith("/block/B") and lk["target"].endswith("/block/H")] \
        == [6.0]
    with urllib.request.urlopen(f"{url}/flow", timeout=60) as r:  # no program: the sheets with the most flows
        page = r.read().decode()
    assert "1 sheet(s)" in page and "Asia Wise法律事務所" in page
