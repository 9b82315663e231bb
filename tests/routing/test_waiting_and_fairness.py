"""What the waiting customer is told, and the fairness report by language."""

from __future__ import annotations

from tawasol.routing import estimate_wait, wait_notice, wait_report


def test_wait_estimate_counts_free_slots_then_agents() -> None:
    assert estimate_wait(1, free_slots=1, agents=2) == 0
    assert estimate_wait(5, free_slots=0, agents=2, handle_seconds=120) == 360


def test_notice_in_the_customers_language() -> None:
    assert "2e dans la file" in wait_notice("fr", 2, 200)
    assert "1er" in wait_notice("fr", 1, 60)
    assert "الصف" in wait_notice("ary", 3, 300)
    assert "f la file" in wait_notice("ary_Latn", 3, 300)
    assert "No agent" in wait_notice("en", 1, 0, agents_online=0)


def test_report_flags_a_language_that_waits_longer_than_french() -> None:
    samples = [("fr", 10.0)] * 10 + [("ary", 40.0)] * 10 + [("ar", 12.0)] * 2
    report = wait_report(samples)
    assert report["flagged"] == ["ary"]
    ar = next(g for g in report["groups"] if g["language"] == "ar")
    assert not ar["flagged"]  # too few conversations to say
