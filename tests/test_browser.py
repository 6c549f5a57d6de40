"""The `kg serve` query page in headless Chromium (selenium): load it, run a named query, read a known answer
from the results table; type a query; see a syntax error in the error box.

Needs Debian's chromium + chromium-driver (apt-get install -y chromium chromium-driver) and selenium; the test
fails with that message when they are missing (it never skips)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.test_serve import NTT_DATA_KEIEI, SOUMU_SETCHI, kg_serve, seeds_build


def chrome_paths() -> tuple[str, str]:
    browser = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser or not driver:
        pytest.fail("headless Chromium is missing: install it with `apt-get install -y chromium chromium-driver` "
                    "(or set CHROMIUM and CHROMEDRIVER)", pytrace=False)
    return browser, driver


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is missing: pip install selenium (the [test] extra)", pytrace=False)
    binary, driver = chrome_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=ja"):
        options.add_argument(arg)
    d = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    try:
        yield d
    finally:
        d.quit()


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    store: Path = seeds_build(tmp_path_factory)
    with kg_serve(store) as url:
        yield browser, url


def wait(driver, condition, seconds: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition)


def table(driver) -> tuple[list[str], list[list[str]]]:
    from selenium.webdriver.common.by import By

    head = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#results thead th")]
    rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in driver.find_elements(By.CSS_SELECTOR, "#results tbody tr")]
    return head, rows


def test_named_query_in_the_page(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver, url = page
    driver.get(url + "/")
    wait(driver, lambda d: d.find_element(By.ID, "named").get_attribute("data-loaded") == "true")
    Select(driver.find_element(By.ID, "named")).select_by_value("shared-statutes")
    assert "shared-statutes" in driver.find_element(By.ID, "query").get_attribute("value")
    assert driver.find_element(By.ID, "param-law").is_displayed()
    driver.find_element(By.ID, "run-named").click()
    wait(driver, lambda d: "row" in d.find_element(By.ID, "status").text)
    head, rows = table(driver)
    assert {"name", "sheets"} <= set(head)
    by_name = {r[head.index("name")]: r for r in rows}
    assert by_name[SOUMU_SETCHI][head.index("sheets")] == "4"
    # the same query with its parameter bound from the input box
    driver.find_element(By.ID, "param-law").send_keys(SOUMU_SETCHI)
    driver.find_element(By.ID, "run-named").click()
    wait(driver, lambda d: d.find_element(By.ID, "status").text == "1 row")
    head, rows = table(driver)
    assert [r[head.index("name")] for r in rows] == [SOUMU_SETCHI]


def test_typed_query_and_error_box(page):
    from selenium.webdriver.common.by import By

    driver, url = page
    driver.get(url + "/")
    box = driver.find_element(By.ID, "query")
    box.clear()
    box.send_keys("PREFIX kg: <https://kg.example.org/ns#>\n"
                  f'SELECT ?corp WHERE {{ ?corp kg:corporateNumber "{NTT_DATA_KEIEI}" }}')
    driver.find_element(By.ID, "run").click()
    wait(driver, lambda d: d.find_element(By.ID, "status").text == "1 row")
    head, rows = table(driver)
    assert head == ["corp"] and rows[0][0].endswith(f"/corp/{NTT_DATA_KEIEI}")
    box.clear()
    box.send_keys("SELECT ?x WHERE { ?x ")
    driver.find_element(By.ID, "run").click()
    error = wait(driver, lambda d: d.find_element(By.ID, "error") if d.find_element(By.ID, "error").is_displayed()
                 else False)
    assert "HTTP 400" in error.text and "syntax error" in error.text
    assert table(driver)[1] == []
