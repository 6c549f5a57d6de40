"""The printed 執行率 and 割合 percentages when some of them are not found where the rate rows are read
(kg.extract.budget_tail.rates_among; review_pdf keeps the 執行額 read when they agree): LibreOffice's print, as
pdftotext writes it, may put a rate cell after the next table's header. Figures of a real-form variant's LO
pdftotext text (tests/fixtures/real_variants.py, 688): 計 5,710 2,196 2,135, 執行額 4,152 1,879 1,887, 当初予算 +
補正予算 5,854 2,075 2,135; printed 73% 86% 88% (執行率) and 71% (2011's 割合) only."""
from __future__ import annotations

from kg.extract.budget_tail import rates_among, rates_match

TOTALS = [5710, 2196, 2135]
EXECUTED = [4152, 1879, 1887]
BASE = [5854, 2075, 2135]
PRINTED = [73.0, 86.0, 88.0, 71.0]


def test_the_printed_rates_are_some_of_the_rows():
    assert not rates_match(PRINTED, TOTALS, EXECUTED, BASE)  # (two of the six not printed there)
    assert rates_among(PRINTED, TOTALS, EXECUTED, BASE)


def test_executed_read_in_another_order_are_denied():
    assert not rates_among(PRINTED, TOTALS, [1879, 4152, 1887], BASE)
    assert not rates_among(PRINTED, TOTALS, [1887, 1879, 4152], BASE)


def test_fewer_rates_than_past_years_tell_nothing():
    assert not rates_among([73.0, 86.0], TOTALS, EXECUTED, BASE)


def test_each_printed_rate_takes_its_own():
    # (88% printed twice: 2013's 執行率 and its 割合 are both 88.4%, so both may be; 86% twice is one too many)
    assert rates_among([73.0, 86.0, 88.0, 88.0], TOTALS, EXECUTED, BASE)
    assert not rates_among([73.0, 86.0, 86.0, 88.0], TOTALS, EXECUTED, BASE)
