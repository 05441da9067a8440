from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck import QuoteCheckError
from quotecheck.extract.gazetteer import Gazetteer, SourceEntry, set_default_gazetteer
from quotecheck.model import ArticleMeta, Attribution
from quotecheck.store import SCHEMA_VERSION, QuoteFilter, Store, migrations

from .conftest import attribution

TEXT = (
    'Japanese prime minister Fumio Kishida said Japan should "not waste any moment". '
    'Kim Yo Jong said in a KCNA report that talks were "possible". '
    'Kishida added: "We will keep trying."'
)


def sample(text: str = TEXT) -> list[Attribution]:
    kishida = text.index("Fumio Kishida")
    return [
        attribution(
            text,
            "not waste any moment",
            "Fumio Kishida",
            speaker_span=(kishida, kishida + len("Fumio Kishida")),
            speaker_role="Japanese prime minister",
            source="the Diet",
            source_kind="legislature",
        ),
        attribution(text, "possible", "Kim Yo Jong", source="KCNA", source_kind="news agency"),
        attribution(text, "We will keep trying.", "Fumio Kishida", source="the Diet"),
    ]


def add_sample(store: Store, text: str = TEXT) -> int:
    return store.add_article(text, ArticleMeta(title="Sample"), sample(text)).article_id


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    Store(path).close()
    with Store(path) as again:
        assert migrations.pending(again.db) == []
        migrations.apply(again.db)  # applying twice changes nothing
        assert [m.name for m in migrations.applied(again.db)] == [
            "m001_initial",
            "m002_check_explanation",
            "m003_fts_follows_text_only",
            "m004_redo_chain",
            "m005_deleted_articles",
        ]
        assert again.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_article_and_quotes_are_stored_with_speakers_and_sources(store: Store) -> None:
    article_id = add_sample(store)
    rows = store.quotes(QuoteFilter(article_id=article_id))
    assert [r["text"] for r in rows] == ["not waste any moment", "possible", "We will keep trying."]
    assert rows[0]["speaker"] == "Fumio Kishida"
    assert rows[0]["speaker_role"] == "Japanese prime minister"
    assert rows[0]["source"] == "the Diet"
    assert rows[0]["speaker_mention"] == "Fumio Kishida"
    assert rows[1]["source_kind"] == "news agency"
    assert TEXT[rows[1]["start"] : rows[1]["end"]] == "possible"
    # one speaker for both Kishida quotes
    assert rows[0]["speaker_id"] == rows[2]["speaker_id"]


def test_same_text_is_stored_once(store: Store) -> None:
    first = store.add_article(TEXT, ArticleMeta(), sample())
    second = store.add_article(TEXT, ArticleMeta(title="again"), sample())
    assert first.added and not second.added
    assert second.article_id == first.article_id
    assert store.count_quotes() == 3
    assert len(store.articles()) == 1


def test_import_is_all_or_nothing(store: Store) -> None:
    broken = [*sample(), "not an attribution"]
    with pytest.raises(AttributeError):
        store.add_article(TEXT, ArticleMeta(), broken)  # type: ignore[list-item]
    assert store.articles() == []
    assert store.count_quotes() == 0
    assert store.speakers() == []


def test_import_interrupted_in_a_file_store_leaves_nothing(file_store: Store) -> None:
    def exploding() -> object:
        yield from sample()
        raise RuntimeError("disk on fire")

    # the generator fails after the article row and the speakers were written
    with pytest.raises(RuntimeError, match="disk on fire"):
        file_store.add_article(TEXT, ArticleMeta(), exploding())  # type: ignore[arg-type]
    assert file_store.speakers() == []
    assert file_store.count_quotes() == 0
    assert file_store.articles() == []


def test_name_variants_are_one_speaker(store: Store) -> None:
    assert store.speaker_id("Kim Jong-un") == store.speaker_id("kim  Jong Un")
    assert store.source_id("the Diet") == store.source_id("Diet")


def test_set_status_and_undo_redo(store: Store) -> None:
    add_sample(store)
    history_id = store.set_status([1, 2], "verified", note="checked against the video")
    assert {store.quote(i)["status"] for i in (1, 2)} == {"verified"}
    assert store.quote(1)["note"] == "checked against the video"
    assert store.quote(1)["reviewed_at"]

    entry = store.undo()
    assert entry is not None and entry["id"] == history_id
    assert store.quote(1)["status"] == "unreviewed" and store.quote(1)["note"] is None
    assert store.undo() is None  # nothing left

    assert store.redo() is not None
    assert store.quote(2)["status"] == "verified"
    assert store.history()[0]["undone_at"] is None


def test_history_pages_by_id_with_counts_and_states(store: Store) -> None:
    add_sample(store)
    kishida = store.speaker_id("Fumio Kishida", create=False)
    kim = store.speaker_id("Kim Yo Jong", create=False)
    assert kishida and kim
    bulk = store.set_status([1, 2, 3], "verified")
    one = store.set_note(2, "from the video")
    undone = store.set_status([1], "disputed")
    store.undo(undone)
    renamed = store.update_speaker(kim, role="vice department director")
    store.undo(renamed)
    merged = store.merge_speakers(kishida, kim)  # a new action: `renamed` leaves the redo chain
    assert store.history_count() == 5

    first = store.history(limit=2, with_changes=False)
    assert [e["id"] for e in first] == [merged, renamed]
    assert all("changes" not in e for e in first)
    second = store.history(limit=2, before_id=first[-1]["id"], with_changes=False)
    assert [e["id"] for e in second] == [undone, one]
    rest = store.history(limit=2, before_id=second[-1]["id"])
    assert [e["id"] for e in rest] == [bulk] and rest[0]["changes"]["quotes"]
    assert store.history(before_id=bulk) == []

    by_id = {e["id"]: e for e in store.history()}
    assert {i: e["quotes"] for i, e in by_id.items()} == {
        bulk: 3,
        one: 1,
        undone: 1,
        renamed: 0,
        merged: 1,  # the merge moved Kim Yo Jong's one quote
    }
    states = {i: (e["undone_at"] is not None, e["superseded"]) for i, e in by_id.items()}
    assert states == {
        bulk: (False, False),
        one: (False, False),
        undone: (True, True),
        renamed: (True, True),
        merged: (False, False),
    }
    assert [e["id"] for e in store.history(include_undone=False, before_id=merged)] == [one, bulk]


def test_unchanged_status_records_nothing(store: Store) -> None:
    add_sample(store)
    assert store.set_status([1], "unreviewed") == 0
    assert store.history() == []


def test_unknown_status_and_quote_are_clear_errors(store: Store) -> None:
    add_sample(store)
    with pytest.raises(QuoteCheckError, match="unknown status"):
        store.set_status([1], "approved")
    with pytest.raises(QuoteCheckError, match="no quote with id 99"):
        store.set_status([99], "verified")
    assert store.quote(1)["status"] == "unreviewed"


def test_edit_speaker_source_text_and_undo(store: Store) -> None:
    add_sample(store)
    store.edit_quote(2, speaker="Kim Jong Un", source="Rodong Sinmun", text="possible soon")
    row = store.quote(2)
    assert (row["speaker"], row["source"], row["text"], row["edited"]) == (
        "Kim Jong Un",
        "Rodong Sinmun",
        "possible soon",
        1,
    )
    assert [r["id"] for r in store.quotes(QuoteFilter(text="soon"))] == [2]
    store.undo()
    row = store.quote(2)
    assert (row["speaker"], row["source"], row["text"], row["edited"]) == (
        "Kim Yo Jong",
        "KCNA",
        "possible",
        0,
    )
    assert store.quotes(QuoteFilter(text="soon")) == []


def test_merge_speakers_moves_quotes_and_aliases_and_undoes(store: Store) -> None:
    add_sample(store)
    kishida = store.speaker_id("Fumio Kishida", create=False)
    dup = store.speaker_id("Kishida Fumio")  # a second spelling, created separately
    assert kishida and dup and kishida != dup
    store.edit_quote(3, speaker="Kishida Fumio")
    store.merge_speakers(kishida, dup)
    assert store.quote(3)["speaker"] == "Fumio Kishida"
    assert "Kishida Fumio" in store.speaker_aliases(kishida)
    assert store.speaker_id("Kishida Fumio", create=False) == kishida
    assert [s["name"] for s in store.speakers()].count("Kishida Fumio") == 0

    store.undo()
    assert store.quote(3)["speaker"] == "Kishida Fumio"
    assert "Kishida Fumio" not in store.speaker_aliases(kishida)
    store.redo()
    assert store.quote(3)["speaker"] == "Fumio Kishida"


def test_rename_speaker_keeps_old_name_as_alias(store: Store) -> None:
    add_sample(store)
    kim = store.speaker_id("Kim Yo Jong", create=False)
    assert kim
    store.update_speaker(kim, name="Kim Yo-jong", role="sister of Kim Jong Un")
    assert store.quote(2)["speaker"] == "Kim Yo-jong"
    assert store.quote(2)["speaker_role"] == "sister of Kim Jong Un"
    assert store.quotes(QuoteFilter(speaker="Kim Yo Jong"))[0]["id"] == 2
    store.undo()
    assert store.quote(2)["speaker"] == "Kim Yo Jong"


def test_fts_stays_in_sync_after_edit_and_delete(store: Store) -> None:
    article_id = add_sample(store)
    assert [r["id"] for r in store.quotes(QuoteFilter(text="moment"))] == [1]
    store.edit_quote(1, text="not lose a single second")
    assert store.quotes(QuoteFilter(text="moment")) == []
    assert [r["id"] for r in store.quotes(QuoteFilter(text="second"))] == [1]
    store.undo()
    store.delete_article(article_id)
    assert store.quotes(QuoteFilter(text="moment")) == []
    # the index holds no entry of the deleted article's quotes (its content table still does)
    indexed = store.db.execute(
        "SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'moment OR possible OR trying'"
    ).fetchone()[0]
    assert indexed == 0


def test_reviewed_quotes_survive_article_deletion(store: Store) -> None:
    article_id = add_sample(store)
    store.set_status([1], "verified")
    store.delete_article(article_id)  # recorded in the history, not refused and not lost
    assert store.count_quotes() == 0
    store.undo()
    assert store.count_quotes() == 3 and store.quote(1)["status"] == "verified"


def test_reextraction_never_overwrites_reviewed_quotes(store: Store) -> None:
    add_sample(store)
    store.set_status([1], "verified", note="seen")
    store.edit_quote(2, speaker="Somebody Else")
    # a "better extractor" now finds different spans, one overlapping the verified quote
    better = [
        attribution(TEXT, "not waste any moment", "Wrong Person"),
        attribution(TEXT, 'talks were "possible', "Wrong Person"),
        attribution(TEXT, "We will keep trying", "Fumio Kishida", kind="direct"),
    ]
    result = store.add_article(TEXT, ArticleMeta(), better, reextract=True)
    assert result.quotes_kept == 2 and result.quotes_added == 1
    rows = {r["id"]: r for r in store.quotes()}
    assert rows[1]["speaker"] == "Fumio Kishida" and rows[1]["status"] == "verified"
    assert rows[1]["note"] == "seen"
    assert rows[2]["speaker"] == "Somebody Else"
    assert sorted(r["text"] for r in rows.values()) == [
        "We will keep trying",
        "not waste any moment",
        "possible",
    ]


def test_reextraction_keeps_the_ids_of_quotes_found_again(store: Store) -> None:
    """Quotes found again (same span and text) keep their ids, so history entries, saved
    checks and ids noted elsewhere still point at them; a reviewed quote stays byte for byte;
    a quote whose span changed is a new quote (new id) and the old one goes."""
    article_id = add_sample(store)
    store.set_status([1], "verified", note="seen")
    entry = store.set_status([3], "disputed")
    store.undo(entry)  # quote 3 is untouched again, but history refers to it

    def row(quote_id: int) -> tuple[Any, ...]:
        return tuple(store.db.execute("SELECT * FROM quotes WHERE id = ?", [quote_id]).fetchone())

    reviewed = row(1)
    again = [
        *sample(),  # 1 (reviewed: left alone), 2 and 3 found again
        attribution(TEXT, "Kishida added", "Fumio Kishida"),  # new
    ]
    again[2] = attribution(TEXT, "We will keep trying.", "Somebody Better", source="the Diet")
    result = store.add_article(TEXT, ArticleMeta(), again, reextract=True)
    assert (result.quotes_kept, result.quotes_same, result.quotes_added) == (1, 2, 1)
    assert result.quotes_dropped == 0
    assert row(1) == reviewed
    rows = {r["id"]: r for r in store.quotes(QuoteFilter(article_id=article_id))}
    assert sorted(rows) == [1, 2, 3, 4]
    assert rows[2]["text"] == "possible" and rows[3]["text"] == "We will keep trying."
    assert rows[3]["speaker"] == "Somebody Better"  # the new extraction's fields, in place
    assert rows[4]["text"] == "Kishida added"
    assert [r["id"] for r in store.quotes(QuoteFilter(text="keep trying"))] == [3]
    store.redo(entry)  # the history entry still finds its quote
    assert store.quote(3)["status"] == "disputed"
    store.undo(entry)

    # a changed span: a new quote with a new id; the old untouched one is removed (and out of
    # the full-text index); an id is never given out again
    moved = [attribution(TEXT, "We will keep trying", "Fumio Kishida"), *sample()[1:2]]
    result = store.add_article(TEXT, ArticleMeta(), moved, reextract=True)
    assert (result.quotes_kept, result.quotes_same, result.quotes_added) == (1, 1, 1)
    assert result.quotes_dropped == 2  # 3 (span changed) and 4 (not found again)
    rows = {r["id"]: r for r in store.quotes(QuoteFilter(article_id=article_id))}
    assert sorted(rows) == [1, 2, 5] and rows[5]["text"] == "We will keep trying"
    assert row(1) == reviewed
    assert [r["id"] for r in store.quotes(QuoteFilter(text="keep trying"))] == [5]
    assert store.quotes(QuoteFilter(text="added")) == []
    fts = store.db.execute("SELECT COUNT(*) FROM quotes_fts").fetchone()[0]
    assert fts == store.count_quotes()
    with pytest.raises(QuoteCheckError, match="quote 3 no longer exists"):
        store.redo(entry)


def test_reextraction_with_nothing_new_changes_nothing(store: Store) -> None:
    article_id = add_sample(store)
    before = store.db.execute("SELECT * FROM quotes ORDER BY id").fetchall()
    result = store.add_article(TEXT, ArticleMeta(), sample(), reextract=True)
    assert (result.quotes_same, result.quotes_added, result.quotes_dropped) == (3, 0, 0)
    assert store.db.execute("SELECT * FROM quotes ORDER BY id").fetchall() == before
    assert result.article_id == article_id


def test_filters_and_facets(store: Store) -> None:
    add_sample(store)
    store.set_status([2], "disputed")
    assert [r["id"] for r in store.quotes(QuoteFilter(speaker="fumio kishida"))] == [1, 3]
    assert [r["id"] for r in store.quotes(QuoteFilter(source="Diet"))] == [1, 3]
    assert [r["id"] for r in store.quotes(QuoteFilter(status="disputed"))] == [2]
    assert store.count_quotes(QuoteFilter(speaker="Fumio Kishida", text="trying")) == 1
    facets = store.facets()
    assert {name: n for _, name, n in facets["speaker"]} == {"Fumio Kishida": 2, "Kim Yo Jong": 1}
    assert {name: n for _, name, n in facets["status"]} == {"disputed": 1, "unreviewed": 2}
    page = store.quotes(limit=2, offset=1, sort="speaker", descending=True)
    assert [r["speaker"] for r in page] == ["Fumio Kishida", "Fumio Kishida"]
    with pytest.raises(QuoteCheckError, match="cannot sort"):
        store.quotes(sort="text; DROP TABLE quotes")


def test_speaker_filter_matches_whole_words_of_names_and_aliases(store: Store) -> None:
    """`Sunak` finds Rishi Sunak, named once in full (so "Sunak" never became an alias);
    "rishi", "RISHI SUNAK" and "Sunak Rishi" too. Words match whole: "Sun" and "Rish" do not."""
    text = (
        'Rishi Sunak said "we are turning the corner". Kim Jong Un said "no talks". '
        'Kim Yo Jong said "maybe later". Fumio Kishida said "keep trying".'
    )
    store.add_article(
        text,
        ArticleMeta(),
        [
            attribution(text, "we are turning the corner", "Rishi Sunak"),
            attribution(text, "no talks", "Kim Jong Un"),
            attribution(text, "maybe later", "Kim Yo Jong"),
            attribution(text, "keep trying", "Fumio Kishida"),
        ],
    )
    store.add_speaker_alias(store.speaker_id("Fumio Kishida") or 0, "PM Kishida-san")

    def speakers(name: str) -> list[str]:
        return [r["speaker"] for r in store.quotes(QuoteFilter(speaker=name))]

    for name in ("Sunak", "sunak", "Rishi", "rishi sunak", "RISHI  SUNAK", "Sunak Rishi"):
        assert speakers(name) == ["Rishi Sunak"], name
    for name in ("Sun", "Rish", "Sunaks", "Rishi Sunak Jr", "%", "_", "!!"):
        assert speakers(name) == [], name
    assert speakers("Kishida") == speakers("kishida san") == ["Fumio Kishida"]  # by the alias
    assert speakers("Kim") == ["Kim Jong Un", "Kim Yo Jong"]
    assert speakers("Kim Jong-un") == ["Kim Jong Un"]
    assert store.count_quotes(QuoteFilter(speaker="kim", text="talks")) == 1
    assert [s["name"] for s in store.speakers_matching("kim")] == ["Kim Jong Un", "Kim Yo Jong"]
    assert store.speakers_matching("Sunak")[0]["quotes"] == 1
    assert store.speakers_matching("nobody") == []


@pytest.mark.parametrize(
    "hostile",
    ['" OR 1=1 --', "NEAR(", "*", '"', "moment*", "a AND OR NOT", "quotes_fts MATCH 'x'", ")"],
)
def test_search_text_is_never_query_syntax(store: Store, hostile: str) -> None:
    add_sample(store)
    store.add_quote_records(
        [{"text": "Momentum is on our side; not 1 or 2 votes.", "speaker": "B"}]
    )
    found = [r["text"] for r in store.quotes(QuoteFilter(text=hostile))]
    # only quotes holding every word of the search as a word: "moment*" is no prefix search,
    # "OR" and "NOT" are words, not operators
    everything = [r["text"] for r in store.quotes()]
    expected = {
        '" OR 1=1 --': ["Momentum is on our side; not 1 or 2 votes."],
        "NEAR(": [],
        "*": everything,  # no words at all: like an empty search box
        '"': everything,
        "moment*": ["not waste any moment"],
        "a AND OR NOT": [],
        "quotes_fts MATCH 'x'": [],
        ")": everything,
    }
    assert found == expected[hostile]


def test_search_finds_words_as_written(store: Store) -> None:
    store.add_quote_records([{"text": "Die Straße bleibt offen, sagte Müller.", "speaker": "M"}])
    assert store.count_quotes(QuoteFilter(text="Straße")) == 1
    assert store.count_quotes(QuoteFilter(text="muller")) == 1  # diacritics folded by FTS5


def test_search_finds_the_quotes_of_a_speaker_or_source_it_names(store: Store) -> None:
    """No quote's text holds a name here: the search finds them by their speaker's or
    source's name or alias, every word whole, in any order and case."""
    add_sample(store)  # 1, 3: Fumio Kishida at the Diet; 2: Kim Yo Jong in a KCNA report

    def found(text: str, **facets: Any) -> list[int]:
        return [r["id"] for r in store.quotes(QuoteFilter(text=text, **facets))]

    assert found("Kishida") == found("fumio KISHIDA") == [1, 3]
    assert found("Jong Kim") == found("kim yo jong") == [2]
    assert found("KCNA") == found("Korean Central News Agency") == [2]  # a gazetteer alias
    assert found("Diet") == found("japanese parliament") == [1, 3]
    assert found("moment") == [1]  # the quote text, as before
    assert found("Kish") == found("Kishida Jong") == []  # whole words, of one name
    store.set_status([3], "disputed")
    assert found("Kishida", status="disputed") == [3]
    assert store.count_quotes(QuoteFilter(text="kishida")) == 2


def test_quote_collection_import(store: Store) -> None:
    count = store.add_quote_records(
        [
            {"text": "We choose to go to the Moon.", "speaker": "John F. Kennedy", "ref": "jfk-1"},
            {"text": "Tear down this wall!", "speaker": "Ronald Reagan", "source": "speech"},
        ]
    )
    assert count == 2
    rows = store.quotes(QuoteFilter(text="moon"))
    assert rows[0]["speaker"] == "John F. Kennedy" and rows[0]["ref"] == "jfk-1"
    assert rows[0]["article_id"] is None


def test_check_history_round_trip(store: Store) -> None:
    check_id = store.save_check(
        {"claim": "x said y", "verdict": "not found", "flags": ["excerpt"], "matches": []}
    )
    saved = store.checks()
    assert saved[0]["id"] == check_id and saved[0]["flags"] == ["excerpt"]


def test_database_from_the_future_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(QuoteCheckError, match="newer QuoteCheck"):
        Store(path)
    assert path.read_bytes() == before


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my shopping list")
    with pytest.raises(QuoteCheckError, match="not a QuoteCheck database"):
        Store(path)
    assert path.read_text() == "my shopping list"


def test_read_only_store_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    with Store(path) as writable:
        add_sample(writable)
    with Store(path, read_only=True) as ro:
        assert ro.count_quotes() == 3
        with pytest.raises(QuoteCheckError, match="read-only"):
            ro.set_status([1], "verified")
        assert ro.quote(1)["status"] == "unreviewed"


def test_unwritable_file_opens_read_only_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "q.db"
    with Store(path) as writable:
        add_sample(writable)
    import quotecheck.store as store_module

    # chmod does not stop root (these tests may run as root), so the permission is simulated
    monkeypatch.setattr(store_module.os, "access", lambda p, mode: Path(p) != path)
    with Store(path) as store:
        assert store.read_only and store.notice and "read-only" in store.notice
        assert store.count_quotes() == 3
        with pytest.raises(QuoteCheckError, match="read-only"):
            store.set_status([1], "verified")


def test_backup_is_a_complete_database(file_store: Store, tmp_path: Path) -> None:
    add_sample(file_store)
    file_store.set_status([1], "verified")
    target = file_store.backup(tmp_path / "copy.db")
    with Store(target) as copy:
        assert copy.integrity_ok()
        assert copy.quote(1)["status"] == "verified"


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(QuoteCheckError, match="another program"):
        Store(path)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert tables == ["contacts"]


def test_migration_of_an_older_database_backs_it_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    import sqlite_utils

    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m002_check_explanation")
    old.execute("INSERT INTO articles (title, text, sha256) VALUES ('Old', 'text', 'abc')")
    old.conn.commit()
    old.close()
    with Store(path) as store:
        assert "explanation" in store.db.table("checks").columns_dict
        assert store.articles()[0]["title"] == "Old"
    backup = tmp_path / "old.db.before-m002_check_explanation.bak"
    assert backup.exists()
    copy = sqlite_utils.Database(backup)
    assert "explanation" not in copy.table("checks").columns_dict
    assert copy.execute("SELECT title FROM articles").fetchone()[0] == "Old"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_search_text_is_safe(text: str) -> None:
    with Store(":memory:") as store:
        add_sample(store)
        rows = store.quotes(QuoteFilter(text=text))
        assert all(isinstance(r["id"], int) for r in rows)
        assert store.count_quotes(QuoteFilter(text=text)) == len(rows)


def test_gazetteer_aliases_name_one_source(store: Store) -> None:
    diet = store.source_id("the Japanese Parliament")
    assert diet == store.source_id("the Diet") == store.source_id("National Diet")
    assert store.sources()[0]["name"] == "the Diet" and store.sources()[0]["kind"] == "legislature"
    store.add_quote_records(
        [{"text": "We must act.", "speaker": "Fumio Kishida", "source": "Diet"}]
    )
    assert store.count_quotes(QuoteFilter(source="Japanese Parliament")) == 1


def test_importing_a_collection_twice_adds_nothing(store: Store) -> None:
    rows = [
        {"text": "Same words.", "speaker": "A", "ref": "1"},
        {"text": "Same words.", "speaker": "B", "ref": "2"},  # another speaker: another quote
    ]
    assert store.add_quote_records(rows) == 2
    assert store.add_quote_records(rows) == 0
    assert store.add_quote_records([*rows, {"text": "New.", "speaker": "A"}]) == 1
    assert store.count_quotes() == 3
    assert store.count_quotes(QuoteFilter(text="same")) == 2  # FTS has each row once


def test_deleted_quote_ids_are_never_reused(store: Store) -> None:
    article_id = add_sample(store)
    store.delete_article(article_id)
    add_sample(store, TEXT + " Again.")
    assert min(r["id"] for r in store.quotes()) == 4


def test_undo_after_reextraction_never_touches_a_different_quote(store: Store) -> None:
    add_sample(store)
    store.set_status([2], "verified")
    store.set_status([2], "unreviewed")
    fresh = [attribution(TEXT, "We will keep trying.", "Fumio Kishida")]
    store.add_article(TEXT, ArticleMeta(), fresh, reextract=True)  # quote 2 is deleted
    with pytest.raises(QuoteCheckError, match="quote 2 no longer exists"):
        store.undo()
    assert {r["status"] for r in store.quotes()} == {"unreviewed"}


def test_undoing_an_older_action_keeps_later_work(store: Store) -> None:
    add_sample(store)
    first = store.set_status([1], "verified")
    store.set_note(1, "three days of work")
    store.undo(first)
    row = store.quote(1)
    assert row["status"] == "unreviewed" and row["note"] == "three days of work"


def test_undo_refuses_to_overwrite_a_later_change_of_the_same_field(store: Store) -> None:
    add_sample(store)
    first = store.set_status([1], "verified")
    store.set_status([1], "disputed")
    with pytest.raises(QuoteCheckError, match="changed since"):
        store.undo(first)
    assert store.quote(1)["status"] == "disputed"


def test_undo_of_a_review_after_a_merge_works(store: Store) -> None:
    add_sample(store)
    review = store.set_status([2], "verified")
    kim = store.speaker_id("Kim Yo Jong", create=False)
    kishida = store.speaker_id("Fumio Kishida", create=False)
    assert kim and kishida
    store.merge_speakers(kishida, kim)
    store.undo(review)
    assert store.quote(2)["status"] == "unreviewed"
    assert store.quote(2)["speaker"] == "Fumio Kishida"  # the merge stays


def test_undo_of_a_speaker_edit_after_a_merge_is_refused_clearly(store: Store) -> None:
    add_sample(store)
    edit = store.edit_quote(2, speaker="Somebody New")
    new = store.speaker_id("Somebody New", create=False)
    kishida = store.speaker_id("Fumio Kishida", create=False)
    assert new and kishida
    store.merge_speakers(kishida, new)
    with pytest.raises(QuoteCheckError, match="changed since"):
        store.undo(edit)


def test_undo_of_a_rename_removes_the_new_alias(store: Store) -> None:
    add_sample(store)
    kim = store.speaker_id("Kim Yo Jong", create=False)
    assert kim
    store.update_speaker(kim, name="Kim Yo-jong Sister")
    store.undo()
    assert "Kim Yo-jong Sister" not in store.speaker_aliases(kim)
    assert store.speaker_id("Kim Yo-jong Sister", create=False) is None


def test_only_name_mentions_become_aliases(store: Store) -> None:
    text = "Japanese prime minister Fumio Kishida said it. Kishida said more. He said again."
    role = text.index("Japanese prime minister Fumio Kishida")
    surname = text.index("Kishida said")
    pronoun = text.index("He said")
    spans = {
        "it": (role, role + len("Japanese prime minister Fumio Kishida")),
        "more": (surname, surname + len("Kishida")),
        "again": (pronoun, pronoun + 2),
    }
    store.add_article(
        text,
        ArticleMeta(),
        [
            attribution(text, words, "Fumio Kishida", speaker_span=span)
            for words, span in spans.items()
        ],
    )
    kishida = store.speaker_id("Fumio Kishida", create=False)
    assert kishida and store.speaker_aliases(kishida) == ["Fumio Kishida", "Kishida"]
    assert store.speaker_id("Kishida", create=False) == kishida


def test_creating_a_speaker_on_its_own_is_committed(file_store: Store) -> None:
    speaker_id = file_store.speaker_id("Ana Lopez")
    assert not file_store.db.conn.in_transaction
    with Store(file_store.path) as other:
        assert other.speaker_id("Ana Lopez", create=False) == speaker_id


def test_a_new_action_ends_the_redo_chain(store: Store) -> None:
    add_sample(store)
    store.set_status([1], "verified")
    store.set_status([2], "disputed")
    store.undo()
    store.undo()
    latest = store.set_status([3], "rejected")
    store.undo()
    redone = store.redo()
    assert redone is not None and redone["id"] == latest  # not the older, abandoned ones
    assert store.redo() is None
    assert [store.quote(i)["status"] for i in (1, 2, 3)] == ["unreviewed", "unreviewed", "rejected"]


def test_redo_comes_back_in_reverse_order_of_undo(store: Store) -> None:
    add_sample(store)
    first = store.set_status([1], "verified")
    second = store.set_status([2], "verified")
    store.undo()
    store.undo()
    assert [store.redo()["id"], store.redo()["id"]] == [first, second]  # type: ignore[index]


def speaker_names(store: Store) -> dict[str, int]:
    """Speaker list as `quotecheck speakers` and the speakers dialog show it: name -> quotes."""
    return {s["name"]: s["quotes"] for s in store.speakers()}


def source_names(store: Store) -> dict[str, int]:
    """Source list as `quotecheck sources` shows it: name -> quotes."""
    return {s["name"]: s["quotes"] for s in store.sources()}


def stored(store: Store, field: str, row_id: int) -> tuple[Any, list[Any]]:
    """A speaker's or source's row and its aliases as the store holds them."""
    row = store.db.execute(f"SELECT * FROM {field}s WHERE id = ?", [row_id]).fetchone()
    aliases = store.db.execute(
        f"SELECT alias, alias_key FROM {field}_aliases WHERE {field}_id = ? ORDER BY alias_key",
        [row_id],
    ).fetchall()
    return row, aliases


CREATED = pytest.mark.parametrize(
    ("field", "name", "mention", "before"),
    [
        ("speaker", "Choe Son Hui", "Choe Son Hui", "Kim Yo Jong"),
        # a gazetteer alias: the source is created under its canonical name, kind and aliases
        ("source", "Rodong Sinmun", "Rodong Sinmun newspaper", "KCNA"),
    ],
)


@CREATED
def test_undo_of_an_edit_removes_what_it_created_and_redo_brings_it_back(
    store: Store, field: str, name: str, mention: str, before: str
) -> None:
    add_sample(store)
    lookup = store.speaker_id if field == "speaker" else store.source_id
    listing = speaker_names if field == "speaker" else source_names
    edit = store.edit_quote(2, **{field: mention})
    new = lookup(name, create=False)
    assert new and listing(store)[name] == 1
    created = stored(store, field, new)
    assert created[1]  # with its aliases

    store.undo(edit)
    assert store.quote(2)[field] == before
    assert name not in listing(store)
    assert lookup(mention, create=False) is None
    assert name not in [label for _id, label, _n in store.facets()[field]]
    assert stored(store, field, new) == (None, [])

    store.redo(edit)
    row = store.quote(2)
    assert (row[f"{field}_id"], row[field]) == (new, name)  # as the edit left it
    assert stored(store, field, new) == created  # row and aliases, alias for alias
    assert listing(store)[name] == 1

    store.undo(edit)  # and again, the same way
    assert name not in listing(store)
    store.redo(edit)
    assert store.quote(2)[field] == name


def test_speaker_removal_by_undo_is_saved_with_the_undo(file_store: Store) -> None:
    add_sample(file_store)
    edit = file_store.edit_quote(2, speaker="Choe Son Hui")
    file_store.undo()
    with Store(file_store.path) as other:
        assert "Choe Son Hui" not in speaker_names(other)
        assert other.redo() is not None  # another instance redoes from the saved entry
        assert other.quote(2)["speaker"] == "Choe Son Hui"
    assert file_store.undo(edit) is not None
    assert "Choe Son Hui" not in speaker_names(file_store)


@CREATED
def test_undo_keeps_what_an_edit_created_that_got_other_quotes(
    store: Store, field: str, name: str, mention: str, before: str
) -> None:
    add_sample(store)
    listing = speaker_names if field == "speaker" else source_names
    edit = store.edit_quote(2, **{field: name})
    text = f'{mention} said the talks were "over".'
    store.add_article(text, ArticleMeta(), [attribution(text, "over", **{field: mention})])
    store.undo(edit)
    assert store.quote(2)[field] == before
    assert listing(store)[name] == 1  # the imported quote keeps it
    store.redo(edit)
    assert store.quote(2)[field] == name
    assert listing(store)[name] == 2


@CREATED
def test_undo_keeps_a_created_speaker_or_source_another_action_needs(
    store: Store, field: str, name: str, mention: str, before: str
) -> None:
    add_sample(store)
    listing = speaker_names if field == "speaker" else source_names
    edit = store.edit_quote(2, **{field: name})
    later = store.edit_quote(3, **{field: name})  # an existing one by now
    assert f"new_{field}" not in store.history()[0]["changes"]
    store.undo(later)
    store.undo(edit)
    # no quote has it now, but redoing the later edit needs it
    assert listing(store)[name] == 0
    store.redo(later)
    assert store.quote(3)[field] == name
    store.redo(edit)
    assert store.quote(2)[field] == name
    assert listing(store)[name] == 2


@pytest.mark.parametrize(
    ("field", "name", "alias"),
    [("speaker", "Choe Son Hui", "Choe"), ("source", "Minju Choson", "the cabinet paper")],
)
def test_undo_keeps_a_created_speaker_or_source_given_an_alias(
    store: Store, field: str, name: str, alias: str
) -> None:
    add_sample(store)
    lookup = store.speaker_id if field == "speaker" else store.source_id
    add_alias = store.add_speaker_alias if field == "speaker" else store.add_source_alias
    listing = speaker_names if field == "speaker" else source_names
    edit = store.edit_quote(2, **{field: name})
    new = lookup(name, create=False)
    assert new
    add_alias(new, alias)
    store.undo(edit)
    assert name in listing(store)
    assert lookup(alias, create=False) == new


def test_undo_keeps_a_created_speaker_given_a_role(store: Store) -> None:
    add_sample(store)
    edit = store.edit_quote(2, speaker="Choe Son Hui")
    new = store.speaker_id("Choe Son Hui", create=False)
    assert new
    store.update_speaker(new, role="foreign minister")
    store.undo(edit)
    assert "Choe Son Hui" in speaker_names(store)


def test_undo_keeps_a_speaker_merged_into(store: Store) -> None:
    add_sample(store)
    edit = store.edit_quote(2, speaker="Choe Son Hui")
    new = store.speaker_id("Choe Son Hui", create=False)
    other = store.speaker_id("Choe Son-hui Minister")
    assert new and other
    store.merge_speakers(new, other)
    store.undo(edit)
    assert "Choe Son Hui" in speaker_names(store)
    store.undo()  # the merge: both speakers are back, the edit stays undone
    assert store.quote(2)["speaker"] == "Kim Yo Jong"
    assert {"Choe Son Hui", "Choe Son-hui Minister"} <= set(speaker_names(store))


@pytest.mark.parametrize(
    ("field", "idle", "typed", "used", "used_typed"),
    [
        ("speaker", "Ana Lopez", "ana lopez", "Fumio Kishida", "Fumio Kishida"),
        ("source", "Xinhua", "Xinhua News Agency", "the Diet", "Japanese Parliament"),  # aliases
    ],
)
def test_undo_of_an_edit_to_an_existing_speaker_or_source_never_removes_it(
    store: Store, field: str, idle: str, typed: str, used: str, used_typed: str
) -> None:
    add_sample(store)
    lookup = store.speaker_id if field == "speaker" else store.source_id
    listing = speaker_names if field == "speaker" else source_names
    idle_id = lookup(idle)  # exists, with no quotes
    used_id = lookup(used, create=False)
    edit = store.edit_quote(2, **{field: typed})
    assert store.quote(2)[f"{field}_id"] == idle_id
    assert f"new_{field}" not in store.history()[0]["changes"]
    store.undo(edit)
    assert listing(store)[idle] == 0
    assert lookup(idle, create=False) == idle_id
    store.edit_quote(2, **{field: used_typed})
    store.undo()
    assert lookup(used, create=False) == used_id
    assert listing(store)[used] == 2


@pytest.mark.parametrize(
    ("field", "name", "alias", "other", "before"),
    [
        ("speaker", "Choe Son Hui", "Choe Son Hui", "Ana Lopez", "Kim Yo Jong"),
        ("source", "Rodong Sinmun", "Rodong Sinmun newspaper", "Minju Choson", "KCNA"),
    ],
)
def test_redo_recreates_a_speaker_or_source_under_a_new_id_when_its_id_was_taken(
    store: Store, field: str, name: str, alias: str, other: str, before: str
) -> None:
    add_sample(store)
    lookup = store.speaker_id if field == "speaker" else store.source_id
    listing = speaker_names if field == "speaker" else source_names
    edit = store.edit_quote(2, **{field: name})
    old = lookup(name, create=False)
    store.undo(edit)
    assert lookup(other) == old  # SQLite gives the freed id to the next new row
    store.redo(edit)
    new = lookup(name, create=False)
    assert new and new != old
    assert store.quote(2)[f"{field}_id"] == new
    assert listing(store)[other] == 0 and listing(store)[name] == 1
    assert lookup(alias, create=False) == new  # with its aliases
    store.undo(edit)  # the entry now records the new id: undo checks and removes it
    assert store.quote(2)[field] == before
    assert name not in listing(store)
    assert other in listing(store)


@CREATED
def test_redo_reuses_a_speaker_or_source_of_the_same_name_created_since(
    store: Store, field: str, name: str, mention: str, before: str
) -> None:
    add_sample(store)
    lookup = store.speaker_id if field == "speaker" else store.source_id
    edit = store.edit_quote(2, **{field: name})
    store.undo(edit)
    text = f'{mention} said the talks were "over".'
    store.add_article(text, ArticleMeta(), [attribution(text, "over", **{field: mention})])
    imported = lookup(name, create=False)
    store.redo(edit)
    assert store.quote(2)[f"{field}_id"] == imported
    store.delete_article(2)
    store.undo(edit)  # it is the import's, not the edit's: it stays
    assert lookup(name, create=False) == imported


def test_redo_refuses_when_the_quote_changed_and_recreates_nothing(store: Store) -> None:
    add_sample(store)
    edit = store.edit_quote(2, speaker="Choe Son Hui")
    store.undo(edit)
    store.edit_quote(2, speaker="Fumio Kishida")
    with pytest.raises(QuoteCheckError, match="changed since"):
        store.redo(edit)
    assert "Choe Son Hui" not in speaker_names(store)


def test_undo_and_redo_of_an_edit_that_created_a_speaker_and_a_source(file_store: Store) -> None:
    add_sample(file_store)
    edit = file_store.edit_quote(2, speaker="Choe Son Hui", source="Rodong Sinmun")
    row = file_store.quote(2)
    file_store.undo(edit)
    assert (file_store.quote(2)["speaker"], file_store.quote(2)["source"]) == (
        "Kim Yo Jong",
        "KCNA",
    )
    assert "Choe Son Hui" not in speaker_names(file_store)
    assert "Rodong Sinmun" not in source_names(file_store)
    with Store(file_store.path) as other:  # another instance redoes from the saved entry
        assert other.redo() is not None
        again = other.quote(2)
    assert (again["speaker_id"], again["source_id"]) == (row["speaker_id"], row["source_id"])
    assert (again["speaker"], again["source"]) == ("Choe Son Hui", "Rodong Sinmun")
    file_store.undo(edit)
    assert "Choe Son Hui" not in speaker_names(file_store)
    assert "Rodong Sinmun" not in source_names(file_store)


def test_edits_recorded_without_snapshots_undo_and_redo_as_before(store: Store) -> None:
    """History written before edits kept snapshots: undo leaves what the edit created."""
    add_sample(store)
    edit = store.edit_quote(2, speaker="Choe Son Hui", source="Rodong Sinmun")
    changes = store.history()[0]["changes"]
    old = {"quotes": changes["quotes"]}
    store.db.execute("UPDATE history SET changes = ? WHERE id = ?", [json.dumps(old), edit])
    store.undo(edit)
    assert store.quote(2)["source"] == "KCNA"
    assert source_names(store)["Rodong Sinmun"] == 0
    assert speaker_names(store)["Choe Son Hui"] == 0
    store.redo(edit)
    assert (store.quote(2)["speaker"], store.quote(2)["source"]) == (
        "Choe Son Hui",
        "Rodong Sinmun",
    )
    assert store.history()[0]["changes"] == old


def test_redo_recreates_a_gazetteer_source_as_created_whatever_the_gazetteer_says_now(
    store: Store,
) -> None:
    add_sample(store)
    user = Gazetteer([SourceEntry("Minju Choson", "newspaper", ("the cabinet paper",))])
    set_default_gazetteer(user)
    try:
        edit = store.edit_quote(2, source="the cabinet paper")
    finally:
        set_default_gazetteer(None)  # the user's file is gone by the undo and the redo
    new = store.source_id("Minju Choson", create=False)
    assert new
    created = stored(store, "source", new)
    store.undo(edit)
    assert "Minju Choson" not in source_names(store)
    store.redo(edit)
    assert stored(store, "source", new) == created
    assert store.quote(2)["source_kind"] == "newspaper"
    assert store.source_id("the cabinet paper", create=False) == new


def _summary(store: Store, history_id: int) -> str:
    entry = next(e for e in store.history(with_changes=False) if e["id"] == history_id)
    return str(entry["summary"])


def test_history_summaries_say_what_changed(store: Store) -> None:
    add_sample(store)
    add_sample(store, "Monday. " + TEXT)
    add_sample(store, "Tuesday. " + TEXT)
    ids = [int(r["id"]) for r in store.quotes(limit=100)]
    assert len(ids) >= 7
    assert _summary(store, store.set_status([ids[0]], "verified")) == f"verified quote {ids[0]}"
    three = store.set_status(ids[:3], "disputed")
    assert _summary(store, three) == f"disputed 3 quotes ({ids[0]}, {ids[1]}, {ids[2]})"
    # only the quotes it changed are named (the first three are disputed already)
    many = store.set_status(ids[:7], "disputed")
    listed = ", ".join(str(i) for i in ids[3:7])
    assert _summary(store, many) == f"disputed 4 quotes ({listed})"
    noted = store.set_status([ids[0]], "verified", note="see the video")
    assert _summary(store, noted) == f"verified quote {ids[0]} with a note"
    every = store.set_status(ids[:7], "rejected")
    shown = ", ".join(str(i) for i in ids[:5])
    assert _summary(store, every) == f"rejected 7 quotes ({shown}, …)"
    reset = store.set_status([ids[1]], "unreviewed")
    assert _summary(store, reset) == f"reset quote {ids[1]} to unreviewed"
    assert _summary(store, store.set_note(ids[2], "checked")) == f"note on quote {ids[2]}"
    assert _summary(store, store.set_note(ids[2], "")) == f"note cleared on quote {ids[2]}"
    notes = store.set_notes(ids[:2], "both")
    assert _summary(store, notes) == f"note on 2 quotes ({ids[0]}, {ids[1]})"
    edit = store.edit_quote(ids[3], speaker="Somebody New")
    assert _summary(store, edit) == f"edit quote {ids[3]}: speaker → Somebody New"
    edit = store.edit_quote(ids[3], source="The Gazette", text="An edited quote.")
    assert _summary(store, edit) == f"edit quote {ids[3]}: source → The Gazette, text"
    edit = store.edit_quote(ids[4], speaker="")
    assert _summary(store, edit) == f"edit quote {ids[4]}: speaker → (none)"
    kim = store.speaker_id("Kim Yo Jong", create=False)
    new = store.speaker_id("Somebody New", create=False)
    assert kim and new
    rename = store.update_speaker(kim, name="Kim Yo-jong")
    assert _summary(store, rename) == "rename speaker Kim Yo Jong → Kim Yo-jong"
    role = store.update_speaker(kim, role="vice department director")
    assert _summary(store, role) == "speaker Kim Yo-jong: role → vice department director"
    both = store.update_speaker(kim, name="Kim Yo Jong", role="")
    assert _summary(store, both) == "rename speaker Kim Yo-jong → Kim Yo Jong, role cleared"
    merge = store.merge_speakers(kim, new)
    assert _summary(store, merge) == "merge speakers Somebody New into Kim Yo Jong"


def test_a_refused_undo_names_the_entry_in_the_way(store: Store) -> None:
    add_sample(store)
    first = store.set_status([1, 2], "verified")
    later = store.set_status([2], "disputed")
    store.set_note(2, "unrelated field")
    with pytest.raises(QuoteCheckError) as refused:
        store.undo(first)
    assert str(refused.value) == (
        f"quote 2 has changed since (status) by history entry {later} “disputed quote 2”; "
        "undo that one first"
    )
    store.undo(later)
    store.undo(first)  # now it goes
    # a change no entry in effect made: the plain reason
    redo_target = store.set_status([3], "verified")
    store.undo(redo_target)
    store.db.execute("UPDATE quotes SET status = 'rejected' WHERE id = 3")
    with pytest.raises(QuoteCheckError) as refused:
        store.redo(redo_target)
    assert str(refused.value) == ("quote 3 has changed since (status); undo the later change first")


def test_a_refused_redo_names_the_reextraction_that_changed_the_quote(store: Store) -> None:
    """Re-extraction is not in the history and cannot be undone: the refusal says that it
    changed the quote, not "undo the later change first"."""
    add_sample(store)
    edit = store.edit_quote(2, speaker="Somebody New")
    store.undo(edit)  # quote 2 is untouched again: re-extraction may change it
    better = sample()
    better[1] = attribution(TEXT, "possible", "Kim Jong Un", source="KCNA")
    store.add_article(TEXT, ArticleMeta(), better, reextract=True)
    assert store.quote(2)["speaker"] == "Kim Jong Un"
    with pytest.raises(QuoteCheckError) as refused:
        store.redo(edit)
    assert str(refused.value) == (
        "quote 2 has changed since (speaker_id) by the re-extraction of article 1 “Sample”; "
        "edit the quote instead (a re-extraction cannot be undone)"
    )
    assert store.quote(2)["speaker"] == "Kim Jong Un"

    # a value an undo put back is no re-extraction's: the plain reason, as before
    first = store.edit_quote(3, speaker="Kim Yo Jong")
    second = store.edit_quote(3, speaker="Somebody Else")
    store.undo(second)
    store.undo(first)  # back to Fumio Kishida, as extracted
    with pytest.raises(QuoteCheckError) as refused:
        store.redo(second)
    assert str(refused.value) == (
        "quote 3 has changed since (speaker_id); undo the later change first"
    )


def test_a_refused_speaker_undo_names_the_rename_in_the_way(store: Store) -> None:
    add_sample(store)
    kim = store.speaker_id("Kim Yo Jong", create=False)
    assert kim
    first = store.update_speaker(kim, role="spokeswoman")
    later = store.update_speaker(kim, name="Kim Yo-jong")
    with pytest.raises(QuoteCheckError) as refused:
        store.undo(first)
    assert f"by history entry {later} “rename speaker Kim Yo Jong → Kim Yo-jong”" in str(
        refused.value
    )
    edit = store.edit_quote(2, speaker="Somebody New")
    kishida = store.speaker_id("Fumio Kishida", create=False)
    assert kishida
    merge = store.merge_speakers(kishida, store.speaker_id("Somebody New", create=False) or 0)
    with pytest.raises(QuoteCheckError) as refused:
        store.undo(edit)
    assert f"(speaker_id) by history entry {merge} “merge speakers Somebody New into" in str(
        refused.value
    )


# -- deleting articles: recorded, undoable, hidden everywhere --------------------------------


def _two_articles(store: Store) -> tuple[int, int]:
    first = store.add_article(TEXT, ArticleMeta(title="Kishida at the Diet"), sample()).article_id
    other = "Ben Okoro said the ports would stay open to every country."
    second = store.add_article(
        other, ArticleMeta(title="Ports"), [attribution(other, "stay open", "Ben Okoro")]
    ).article_id
    return first, second


def test_deleting_an_article_hides_it_and_its_quotes_everywhere(store: Store) -> None:
    first, second = _two_articles(store)
    kishida = store.quotes(QuoteFilter(article_id=first))
    store.set_status([kishida[0]["id"]], "verified", note="checked against the video")
    assert store.deletion_preview([first]) == [
        {"id": first, "title": "Kishida at the Diet", "quotes": 3, "reviewed": 1}
    ]
    history_id = store.delete_articles([first])
    entry = store.history(1)[0]
    assert entry["id"] == history_id and entry["action"] == "delete_articles"
    assert "Kishida at the Diet" in entry["summary"] and "1 reviewed" in entry["summary"]
    assert entry["quotes"] == 3
    assert [a["id"] for a in store.articles()] == [second]
    assert {q["article_id"] for q in store.quotes()} == {second}
    assert store.count_quotes() == 1
    assert store.quotes(QuoteFilter(text="Kishida")) == []  # by words and by speaker name
    assert store.quotes(QuoteFilter(text="moment")) == []
    assert all(name != "Fumio Kishida" for _id, name, _n in store.facets()["speaker"])
    assert next(s for s in store.speakers() if s["name"] == "Fumio Kishida")["quotes"] == 0
    assert store.quotes_by_ids([kishida[0]["id"]]) == {}
    # the claim check starts from the full-text index: the deleted quotes are not in it
    fts = store.db.execute(
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'moment'"
    ).fetchall()
    assert fts == []
    # kept in the database, reviews and all
    row = store.db.execute(
        "SELECT status, note FROM quotes WHERE id = ?", [kishida[0]["id"]]
    ).fetchone()
    assert tuple(row) == ("verified", "checked against the video")
    assert store.integrity_ok()


def test_an_article_deletion_is_undone_and_redone_with_its_reviews(store: Store) -> None:
    first, _second = _two_articles(store)
    quote_id = store.quotes(QuoteFilter(article_id=first))[0]["id"]
    store.set_status([quote_id], "disputed")
    store.delete_articles([first])
    undone = store.undo()
    assert undone is not None and undone["action"] == "delete_articles"
    assert store.count_quotes() == 4
    assert store.quote(quote_id)["status"] == "disputed"
    assert [
        r[0]
        for r in store.db.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'moment'")
    ] == [quote_id]
    assert store.redo() is not None
    assert store.count_quotes() == 1
    store.undo()
    assert store.count_quotes() == 4 and store.integrity_ok()


def test_a_deleted_articles_quotes_refuse_reviews_and_replays_and_name_the_deletion(
    store: Store,
) -> None:
    first, _second = _two_articles(store)
    quote_id = store.quotes(QuoteFilter(article_id=first))[0]["id"]
    review = store.set_status([quote_id], "verified")
    deletion = store.delete_articles([first])
    for attempt in (
        lambda: store.set_status([quote_id], "rejected"),
        lambda: store.edit_quote(quote_id, text="changed"),
        lambda: store.undo(review),  # an older entry over a quote now deleted
        lambda: store.quote(quote_id),
    ):
        with pytest.raises(QuoteCheckError, match=f"deleted by history entry {deletion}"):
            attempt()
    with pytest.raises(QuoteCheckError, match="already deleted"):
        store.delete_articles([first])
    with pytest.raises(QuoteCheckError, match="no article with id 99"):
        store.delete_articles([99])
    # importing the text again adds nothing; re-extracting it is refused until restored
    assert not store.add_article(TEXT, None, sample()).added
    with pytest.raises(QuoteCheckError, match="is deleted"):
        store.add_article(TEXT, None, sample(), reextract=True)


def test_an_unknown_id_in_a_deletion_deletes_nothing(store: Store) -> None:
    first, second = _two_articles(store)
    with pytest.raises(QuoteCheckError, match="no article with id 99"):
        store.delete_articles([first, 99])
    assert len(store.articles()) == 2 and store.history_count() == 0


def test_a_deleted_article_keeps_a_new_default_database_from_being_seeded_again(
    store: Store,
) -> None:
    first, second = _two_articles(store)
    store.delete_articles([first, second])
    assert not store.is_empty  # so the sample article does not come back on the next start


def _schema_4_database(path: Path) -> Path:
    """A database with one quote, as written before articles could be deleted."""
    with Store(path) as store:
        store.add_quote_records([{"text": "We will win the vote.", "speaker": "Ann Lee"}])
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX idx_articles_deleted")
    conn.execute("ALTER TABLE articles DROP COLUMN deleted_at")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_deleted_articles'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    return path


def test_an_older_database_opened_for_reading_is_upgraded_first(tmp_path: Path) -> None:
    path = _schema_4_database(tmp_path / "old.db")
    with Store(path, read_only=True) as store:
        assert store.read_only and store.quotes_by_ids([1])[1]["speaker"] == "Ann Lee"
    assert list(tmp_path.glob("old.db.before-m005_deleted_articles*.bak"))


def test_an_older_read_only_database_is_refused_with_a_way_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _schema_4_database(tmp_path / "old.db")
    # a file this user cannot write (tests may run as root, who can write any file)
    monkeypatch.setattr("quotecheck.store._writable", lambda _path: False)
    with pytest.raises(QuoteCheckError, match="older QuoteCheck.*copy it"):
        Store(path)
