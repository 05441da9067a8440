"""Killed processes and concurrent instances: nothing committed is lost, nothing half-done stays.

Each test runs the real code in a child process and kills it with SIGKILL (no cleanup runs),
then opens the database the way the next session would.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotecheck.extract import extract
from quotecheck.extract.split import split_interrupted
from quotecheck.store import Store, migrations

from .conftest import SEED_TEXT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


def wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


def kill(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def quote_count(db: Path) -> int:
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_during_collection_import_leaves_nothing_half_imported(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    data = tmp_path / "big.jsonl"
    with open(data, "w", encoding="utf-8") as out:
        for i in range(150_000):
            out.write(
                json.dumps({"text": f"statement number {i} about taxes", "speaker": f"S{i % 50}"})
                + "\n"
            )
    Store(db).close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotecheck.cli", "--db", str(db), "import-quotes", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wal = Path(str(db) + "-wal")
    # the transaction is under way once the WAL holds a few pages of new rows
    wait_for(lambda: wal.exists() and wal.stat().st_size > 200_000 or proc.poll() is not None)
    assert proc.poll() is None, "the import finished before it could be interrupted"
    kill(proc)
    with Store(db) as store:
        assert store.integrity_ok()
        assert store.count_quotes() == 0
        assert store.db.execute("SELECT COUNT(*) FROM quotes_fts").fetchone()[0] == 0
        trigger = store.db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'quotes_ai'")
        assert trigger.fetchone()[0] == 1  # the FTS trigger dropped inside the transaction is back


def test_kill_during_article_import_keeps_only_whole_articles(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(400):
        (folder / f"a{i:03d}.txt").write_text(f"Report {i}.\n{SEED_TEXT}", encoding="utf-8")
    Store(db).close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotecheck.cli", "--db", str(db), "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(lambda: quote_count(db) > 20 or proc.poll() is not None)
    assert proc.poll() is None, "the import finished before it could be interrupted"
    kill(proc)
    with Store(db) as store:
        assert store.integrity_ok()
        articles = store.articles()
        assert 0 < len(articles) < 400
        for article in articles:
            full = store.article(article["id"])
            assert full is not None
            expected = split_interrupted(full["text"], extract(full["text"]))
            assert article["quotes"] == len(expected), "an article lost some quotes"


WORKER = """
import sys
from quotecheck.store import Store
db, first, step, count, status = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
with Store(db) as store:
    for n in range(count):
        quote_id = first + n * step
        store.set_status([quote_id], status, note=f"{status} by worker {first}")
        print(quote_id, flush=True)  # printed only after the commit returned
"""


def make_quotes(db: Path, n: int) -> None:
    with Store(db) as store:
        store.add_quote_records({"text": f"quote {i}", "speaker": "A"} for i in range(n))


def test_kill_during_reviews_keeps_every_committed_review(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    make_quotes(db, 3000)
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(db), "1", "1", "3000", "verified"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    committed = [int(proc.stdout.readline()) for _ in range(100)]
    kill(proc)
    committed += [int(line) for line in proc.stdout.read().split()]
    with Store(db) as store:
        assert store.integrity_ok()
        verified = {r["id"] for r in store.quotes() if r["status"] == "verified"}
        assert set(committed) <= verified
        # at most the one review in flight when the process died went through unreported
        assert len(verified - set(committed)) <= 1
        notes = {r["note"] for r in store.quotes() if r["status"] == "verified"}
        assert notes == {"verified by worker 1"}


def test_two_instances_reviewing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    make_quotes(db, 400)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db), str(first), "2", "200", status],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for first, status in ((1, "verified"), (2, "disputed"))
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    with Store(db) as store:
        rows = {r["id"]: r for r in store.quotes()}
        assert all(rows[i]["status"] == "verified" for i in range(1, 401, 2))
        assert all(rows[i]["status"] == "disputed" for i in range(2, 401, 2))
        assert len(store.history(limit=1000)) == 400


OPEN_AND_REVIEW = """
import sys
from quotecheck.store import Store
with Store(sys.argv[1]) as store:
    store.add_quote_records([{"text": "hello " + sys.argv[2], "speaker": "A"}])
print("ok")
"""


def test_instances_creating_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AND_REVIEW, str(db), str(i)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.strip() == "ok", err
    with Store(db) as store:
        assert store.count_quotes() == 6
        names = [m.name for m in migrations.applied(store.db)]
        assert len(names) == len(set(names)) and not migrations.pending(store.db)  # each once


def test_a_review_waits_for_a_long_import_instead_of_failing(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    make_quotes(db, 10)
    data = tmp_path / "big.jsonl"
    with open(data, "w", encoding="utf-8") as out:
        for i in range(150_000):
            out.write(json.dumps({"text": f"words {i}", "speaker": "B"}) + "\n")
    importer = subprocess.Popen(
        [sys.executable, "-m", "quotecheck.cli", "--db", str(db), "import-quotes", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wal = Path(str(db) + "-wal")
    wait_for(lambda: wal.exists() and wal.stat().st_size > 100_000 or importer.poll() is not None)
    review = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotecheck.cli",
            "--db",
            str(db),
            "review",
            "1",
            "--status",
            "verified",
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    importer.communicate(timeout=180)
    assert importer.returncode == 0
    assert review.returncode == 0, review.stderr
    with Store(db) as store:
        assert store.quote(1)["status"] == "verified"
        assert store.count_quotes() == 150_010
