"""Issue 20: the linked-data pages in headless Chromium. Open seed 000's program at its IRI (303 to its page), read
known values (a budget, a 法人番号 and its amount, a law with its e-Gov link), follow the link to its contractor
UQコミュニケーションズ and read that page's values (法人番号, gBizINFO/国税庁 links, the program back); the search
form finds the program; the related frame lists seed 002's program through 住民基本台帳法. Needs chromium + chromium-driver and selenium (fails with that message, never skips)."""
from __future__ import annotations

import urllib.parse

import pytest

from tests.test_browser import browser, wait  # noqa: F401 - the shared headless Chromium fixture
from tests.test_pages import JUKI, SEED0_TITLE, UQ
from tests.test_serve import kg_serve, seeds_build


@pytest.fixture(scope="module")
def pages(browser, tmp_path_factory):  # noqa: F811 - the fixture imported above
    store = seeds_build(tmp_path_factory)
    with kg_serve(store) as url:
        yield browser, url


def cells(driver, table_id: str) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, f"#{table_id} tbody tr")]


def test_program_page_then_its_contractor_in_the_browser(pages):
    from selenium.webdriver.common.by import By

    driver, url = pages
    # find the program with the search form, as a reader would
    driver.get(f"{url}/search")
    driver.find_element(By.ID, "search-text").send_keys("住民基本台帳ネットワーク")
    driver.find_element(By.ID, "search-go").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results tbody tr"))
    link = driver.find_element(By.LINK_TEXT, SEED0_TITLE)
    program_path = urllib.parse.urlsplit(link.get_attribute("href")).path
    assert program_path.startswith("/program/")
    link.click()  # the IRI's own path: 303 to /page/…
    wait(driver, lambda d: d.current_url.startswith(f"{url}/page/program/"))
    assert driver.find_element(By.ID, "title").text == SEED0_TITLE
    assert driver.find_element(By.ID, "iri").text == "https://kg.example.org" + program_path
    budget = {r[0]: r for r in cells(driver, "budget-table")}
    assert budget["2019"][1:5] == ["4", "0", "4", "2"] and budget["2022"][4] == "—"  # 2022 executed: unknown
    assert len(driver.find_elements(By.CSS_SELECTOR, "#budget-chart rect.bar")) == 8  # budgets 2019-2023 (2023: requested), executed 2019-2021
    payees = {r[3]: r for r in cells(driver, "payees-table")}
    assert payees["UQコミュニケーションズ株式会社"][4:6] == [UQ, "0.2"]
    assert payees["委員謝金(委員A)"][4:6] == ["—", "0.2"]  # no 法人番号: unknown, not invented
    laws = {r[0]: r for r in cells(driver, "laws-table")}
    assert laws["住民基本台帳法"][1] == JUKI and "第31条" in laws["住民基本台帳法"][3]
    egov = driver.find_element(By.CSS_SELECTOR, "#laws-table a.egov[href$='" + JUKI + "']")
    assert egov.get_attribute("href") == f"https://laws.e-gov.go.jp/law/{JUKI}"
    assert "電子自治体の推進" in driver.find_element(By.ID, "policy-list").text
    assert driver.find_element(By.ID, "findings-count").text == "0"
    # related programs (kg.query.related, in a frame of its own): seed 002's program through 住民基本台帳法
    driver.switch_to.frame(driver.find_element(By.ID, "related-frame"))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#related-table tbody tr"))
    rel = [r for r in cells(driver, "related-table") if r[2] == "same-statute" and "住民基本台帳法" in r[3]]
    assert rel and rel[0][0] == "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"
    assert "第31条" in rel[0][4]
    assert any(r[2] == "implements" and r[1] == "means" for r in cells(driver, "related-table"))
    driver.switch_to.default_content()
    # follow the contractor
    driver.find_element(By.CSS_SELECTOR, "#payees-table").find_element(By.LINK_TEXT, "UQコミュニケーションズ株式会社").click()
    wait(driver, lambda d: d.current_url == f"{url}/page/corp/{UQ}")
    assert driver.find_element(By.ID, "title").text == "UQコミュニケーションズ株式会社"
    assert driver.find_element(By.ID, "houjin").text == UQ
    assert driver.find_element(By.ID, "gbizinfo").get_attribute("href") == \
        f"https://info.gbiz.go.jp/hojin/ichiran?hojinBango={UQ}"
    assert driver.find_element(By.ID, "nta").get_attribute("href").endswith(f"selHouzinNo={UQ}")
    reach = cells(driver, "reach-table")[0]
    assert reach[:3] == ["1", "1", "1"] and reach[5] == "0.2" and reach[6] == "2022–2022"
    row = cells(driver, "payments-table")[0]
    assert row[0] == "2022" and row[1] == "総務省" and row[2] == SEED0_TITLE and row[6] == "0.2"
    # and back to the program from the contractor's page
    driver.find_element(By.CSS_SELECTOR, "#payments-table").find_element(By.LINK_TEXT, SEED0_TITLE).click()
    wait(driver, lambda d: d.current_url == f"{url}/page{program_path}")
