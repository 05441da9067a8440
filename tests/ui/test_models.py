"""Every item model under pytest-qt's qtmodeltester, and the paging of the quote model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from quotecheck.store import Store
from quotecheck_ui import query as q
from quotecheck_ui.models import (
    ChecksModel,
    FacetModel,
    MatchesModel,
    QuoteTableModel,
    SpeakersModel,
)
from quotecheck_ui.workers import Runner


@pytest.fixture
def store(db_path: str):  # type: ignore[no-untyped-def]
    s = Store(db_path)
    yield s
    s.close()


def big_store(path: str, n: int) -> Store:
    s = Store(path)
    s.add_quote_records(
        {"text": f"statement number {i} about topic {i % 7}", "speaker": f"Person {i % 13}"}
        for i in range(n)
    )
    return s


def test_quote_table_model(qtmodeltester, qtbot, store) -> None:  # type: ignore[no-untyped-def]
    runner = Runner()
    model = QuoteTableModel(store, runner)
    model.set_query(q.Query(), force=True)
    qtmodeltester.check(model)
    assert model.rowCount() == store.count_quotes()
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_query(q.Query(text="summit"))  # a search runs in a worker
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < store.count_quotes()


def test_quote_model_pages_a_large_result(qtmodeltester, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = big_store(str(tmp_path / "big.db"), 3000)
    runner = Runner()
    model = QuoteTableModel(store, runner)
    model.MAX_PAGES = 3
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_query(q.Query(), force=True)
        assert model.rowCount() == QuoteTableModel.PAGE  # the first page, at once
        assert not model.complete
    assert model.rowCount() == 3000 and model.complete
    for row in (0, 1500, 2999, 700, 2200):
        assert model.index(row, 0).data().startswith(f"statement number {row} ")
    assert model.cached_rows <= 3 * QuoteTableModel.PAGE  # bounded, whatever the size
    qtmodeltester.check(model)
    # sorting a large result runs in the worker, descending by speaker
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.sort(QuoteTableModel.COL_SPEAKER, Qt.SortOrder.DescendingOrder)
    assert model.index(0, QuoteTableModel.COL_SPEAKER).data() == "Person 9"
    assert model.rowCount() == 3000
    runner.wait()
    store.close()


def test_stale_results_are_dropped(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = big_store(str(tmp_path / "big.db"), 1000)
    runner = Runner()
    model = QuoteTableModel(store, runner)
    for text in ("s", "st", "sta", "statement", "statement number 123 "):
        model.set_query(q.Query(text=text))
    qtbot.waitUntil(lambda: not model.busy, timeout=10000)
    runner.wait()
    last = q.Query(text="statement number 123 ")
    assert model.query == last
    assert model.rowCount() == q.count(store, last) == 1
    assert [model.quote_id(r) for r in range(model.rowCount())] == q.quote_ids(store, last)
    store.close()


def test_facet_model(qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    model = FacetModel()
    qtmodeltester.check(model)
    query = q.Query()
    model.set_facets(q.facets(store, query), query)
    qtmodeltester.check(model)
    speakers = model.items("speaker")
    assert any(label == "Ana Lopez" and n == 3 for _v, label, n in speakers)
    ana = next(v for v, label, _n in speakers if label == "Ana Lopez")
    query = query.with_facet("speaker", ana)
    model.set_facets(q.facets(store, query), query)
    qtmodeltester.check(model)
    index = model.value_index("speaker", ana)
    assert model.data(index, FacetModel.CHECKED_ROLE) == Qt.CheckState.Checked
    assert model.data(index).startswith("✓ ")
    # fewer rows in a group: rows removed, not a reset
    model.set_facets({"speaker": speakers[:1], "source": [], "status": [], "kind": []}, q.Query())
    qtmodeltester.check(model)


def test_facet_toggle_emits(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    model = FacetModel()
    model.set_facets(q.facets(store, q.Query()), q.Query())
    index = model.value_index("status", "unreviewed")
    with qtbot.waitSignal(model.facetToggled) as blocker:
        model.toggle(index)
    assert blocker.args == ["status", "unreviewed"]
    with qtbot.waitSignal(model.facetToggled) as blocker:
        model.toggle(index)
    assert blocker.args == ["status", None]


def test_record_models(qtmodeltester, store) -> None:  # type: ignore[no-untyped-def]
    checks = ChecksModel()
    store.save_check({"claim": "x said y", "verdict": "not found"})
    checks.set_rows(store.checks())
    qtmodeltester.check(checks)
    matches = MatchesModel()
    matches.set_rows(
        [
            {
                "quote_id": 1,
                "score": 97.5,
                "speaker": "A",
                "source": None,
                "text": "t",
                "said_on": None,
                "status": "unreviewed",
            }
        ]
    )
    qtmodeltester.check(matches)
    assert matches.index(0, 0).data() == "98"
    assert matches.index(0, len(MatchesModel.COLUMNS) - 1).data() == "unreviewed"
    speakers = SpeakersModel()
    speakers.set_rows(store.speakers())
    qtmodeltester.check(speakers)


def test_speakers_model_edit_is_requested_not_applied(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    model = SpeakersModel()
    model.set_rows(store.speakers())
    index = model.index(0, 1)
    with qtbot.waitSignal(model.editRequested) as blocker:
        assert model.setData(index, "spokesperson")
    assert blocker.args[1:] == ["role", "spokesperson"]


def test_prefix_query_is_safe() -> None:
    assert q.fts_prefix_query("kish") == '"kish"*'
    assert q.fts_prefix_query("kishida ") == '"kishida"'
    assert q.fts_prefix_query('NEAR( "xyz') == '"near" "xyz"*'
    assert q.fts_prefix_query("ab") == ""  # still typing: too short to filter yet
    assert q.fts_prefix_query("ab ") == '"ab"'  # a finished short word is a word
    assert q.fts_prefix_query("budget s") == '"budget"'
    assert q.fts_prefix_query("  ") == ""
