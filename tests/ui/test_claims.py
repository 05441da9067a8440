"""The claim panel: the verdict shown is always the verdict of the claim in the box."""

from __future__ import annotations

import threading


def test_a_slow_earlier_check_never_overwrites_a_later_one(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import quotecheck.match as matcher

    real = matcher.check
    release = threading.Event()
    started = threading.Event()

    def slow(claim, store, settings=None):  # type: ignore[no-untyped-def]
        if "waste" in claim:  # the first check is held in its worker until released
            started.set()
            release.wait(20)
        return real(claim, store, settings)

    monkeypatch.setattr(matcher, "check", slow)
    panel = window.claims
    results: list[object] = []
    panel.checked.connect(results.append)
    before = panel.checks_model.rowCount()
    try:
        panel.claim_edit.setPlainText("Kishida said Japan should not waste any moment")
        panel.run_check()
        qtbot.waitUntil(started.is_set)
        panel.claim_edit.setPlainText("Nobody should pay more tax next year")
        panel.run_check()  # Ctrl+Enter while the first is still running
        assert not panel.check_button.isEnabled()
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=20000)
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=20000)
    assert len(results) == 1  # the stale check was dropped, not shown
    best = panel.matches_model.row_record(0) or {}
    assert "tax" in best.get("text", "")
    assert panel.check_button.isEnabled()
    assert panel.checks_model.rowCount() == before + 1
    assert panel.checks_model.row_record(0)["claim"] == "Nobody should pay more tax next year"
