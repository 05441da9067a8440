"""Preferences and window state in QSettings, behind typed accessors (after ReText).

User data (quotes, reviews, checks) lives in the SQLite database, never here. Tests pass
their own QSettings (an INI file in a temporary folder) so they never touch the user's; with
QUOTECHECK_HOME set, the default settings are an INI file inside it (`default_qsettings`).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from quotecheck.paths import gui_settings_file

MAX_RECENT = 8


def default_qsettings() -> QSettings:
    """The app's settings: `quotecheck.paths.gui_settings_file()` (in QUOTECHECK_HOME) when
    there is one, else Qt's usual place for the organisation and application names."""
    path = gui_settings_file()
    if path is None:
        return QSettings()
    return QSettings(str(path), QSettings.Format.IniFormat)


# Match thresholds are fields of quotecheck.match.MatchSettings (e.g. not_found_below,
# altered_min). Only the ones a user changed are kept here; the matcher's own defaults apply
# to the rest, so a newer matcher's better defaults are not masked by stale settings.


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else default_qsettings()

    # -- preferences ---------------------------------------------------------------------

    @property
    def last_db(self) -> str | None:
        value = self.q.value("db/last", "", type=str)
        return str(value) or None

    @last_db.setter
    def last_db(self, path: str | None) -> None:
        self.q.setValue("db/last", path or "")

    @property
    def recent_dbs(self) -> list[str]:
        value = self.q.value("db/recent", [], type=list)
        return [str(v) for v in value or [] if v] if isinstance(value, list) else []

    def add_recent(self, path: str) -> None:
        items = [p for p in self.recent_dbs if p != path]
        self.q.setValue("db/recent", [path, *items][:MAX_RECENT])

    def forget_recent(self, path: str) -> None:
        self.q.setValue("db/recent", [p for p in self.recent_dbs if p != path])

    def match_thresholds(self) -> dict[str, float]:
        out: dict[str, float] = {}
        self.q.beginGroup("match")
        try:
            for key in self.q.childKeys():
                try:
                    out[key] = float(self.q.value(key))
                except (TypeError, ValueError):
                    continue
        finally:
            self.q.endGroup()
        return out

    def set_match_threshold(self, key: str, value: float) -> None:
        self.q.setValue(f"match/{key}", float(value))

    def reset_match_thresholds(self) -> None:
        self.q.remove("match")

    # -- window state ----------------------------------------------------------------------

    def state(self, name: str) -> QByteArray | None:
        value = self.q.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{name}", value)

    def sync(self) -> None:
        self.q.sync()
