"""A wheel built from the repository carries the seed article, the icons and the gazetteer."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
        capture_output=True,
        cwd=build,
    )
    (wheel,) = out.glob("quotecheck-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_wheel_carries_data_files(wheel_names: list[str]) -> None:
    for wanted in (
        "quotecheck/seeds/north-korea-rejects-talks-with-japan.txt",
        "quotecheck/seeds/north-korea-rejects-talks-with-japan.json",
        "quotecheck/extract/gazetteer.json",
        "quotecheck_ui/resources/quotecheck.desktop",
        "quotecheck_ui/resources/quotecheck.svg",
    ):
        assert wanted in wheel_names
    assert any(
        n.startswith("quotecheck_ui/resources/icons/") and n.endswith(".svg") for n in wheel_names
    )


def test_wheel_has_the_command_and_every_module(wheel_names: list[str]) -> None:
    entry_points = next(n for n in wheel_names if n.endswith("entry_points.txt"))
    assert entry_points
    for module in ("store", "cli", "cli_check", "match", "export", "importing", "extract/engine"):
        assert f"quotecheck/{module}.py" in wheel_names
    assert "quotecheck_ui/mainwindow.py" in wheel_names
    assert not any(n.startswith(("tests/", "bench/", "docs/")) for n in wheel_names)
