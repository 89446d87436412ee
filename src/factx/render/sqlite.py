"""SQLite: every result in one database file that a long run fills safely and can resume.

Design, and why:

- Plain tables with declared foreign keys and no extension types, so
  Datasette, sqlite-utils and any SQL client read the file as it is.  Lists
  (aliases, titles, the figure ids of a quote) are JSON arrays, which
  SQLite's ``json_each`` and Datasette both understand.
- One transaction per article: the article row and all its records are
  committed together, so a run killed at any moment (even SIGKILL) leaves a
  database that passes ``PRAGMA integrity_check`` and holds only whole
  articles.  WAL journaling with ``synchronous=NORMAL`` keeps a commit per
  article cheap (no fsync per commit; a power cut can lose the last
  commits, never corrupt the file); the journal is folded back on close,
  so a finished database is one self-contained file.
- Each article row keeps the SHA-256 of the input's bytes and what extracted
  it (the factx version, the model's name and version): a re-run skips an
  input stored with the same hash by the same factx and model before
  reading it further (see ``holds``), so a long run resumes where it
  stopped; an input whose bytes changed, or that was extracted by another
  factx or model, is extracted again and replaces its old rows (so a new
  model or a new factx refreshes the database instead of silently keeping
  the old answers).
- A database of schema version 1 (before the factx version was recorded) is
  upgraded in place, in one transaction, when it is opened: the column is
  added and left NULL for its articles, which then count as extracted by an
  unknown version and are extracted again on the next run.  A database of
  a newer schema, or a file holding other tables, is refused with one line.
- Only the main process writes (workers send back records), so ``--jobs``
  needs no locking.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..models import SCHEMA_VERSION, Article, ModelInfo
from .csv import ENTITY_KINDS

# Bumped whenever the tables change; stored as PRAGMA user_version and in the factx table.
DB_SCHEMA_VERSION = 3
TIMES_DDL = """\
CREATE TABLE IF NOT EXISTS times (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,                -- 't1'
    type TEXT NOT NULL,              -- DATE, TIME, DURATION, SET
    value TEXT NOT NULL,             -- TIMEX3: '2013-03-22', '2013-W11', 'P1M', 'PRESENT_REF', 'XXXX-WXX-5'
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS times_value ON times(value);
"""
# How to bring an older database up to date: {from version: SQL}, applied in order, each in the
# transaction that also sets the new version number.
MIGRATIONS = {
    1: "ALTER TABLE articles ADD COLUMN factx_version TEXT;\n",
    # times: the table, the article's own date and the when keys; the articles stored before have no
    # times, so they count as made by an unknown factx and are extracted again
    2: "ALTER TABLE articles ADD COLUMN article_date TEXT;\n"
       "ALTER TABLE articles ADD COLUMN date_source TEXT;\n"
       "ALTER TABLE figures ADD COLUMN \"when\" TEXT;\n"
       "ALTER TABLE quotes ADD COLUMN \"when\" TEXT;\n"
       "UPDATE articles SET factx_version = NULL;\n" + TIMES_DDL,
}

DDL = f"""\
-- factx SQLite schema, version {DB_SCHEMA_VERSION} (also PRAGMA user_version)
CREATE TABLE IF NOT EXISTS factx (
    key TEXT PRIMARY KEY,            -- 'db_schema_version', 'json_schema_version'
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,     -- the input path as given ('-' for stdin)
    sha256 TEXT NOT NULL,            -- of the input's bytes: an unchanged input is skipped on re-runs
    length INTEGER NOT NULL,         -- characters of the text the offsets refer to
    encoding TEXT NOT NULL,
    sentences INTEGER NOT NULL,
    model TEXT NOT NULL,
    model_version TEXT NOT NULL,
    extracted_at TEXT NOT NULL,      -- ISO 8601, UTC
    title TEXT,                      -- web pages: what the page says about itself
    author TEXT,
    date TEXT,
    url TEXT,
    sitename TEXT,
    text TEXT,                       -- the text, for web pages and with --include-text
    factx_version TEXT,              -- the factx that extracted it (NULL: upgraded from an older schema, not known)
    article_date TEXT,               -- the article's date (YYYY-MM-DD) relative times are resolved against
    date_source TEXT                 -- where it came from: option (--date), metadata, text
);
CREATE TABLE IF NOT EXISTS figures (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,                -- 'f1', unique within the article
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value REAL,
    unit TEXT,
    counted TEXT,                    -- head noun of what is counted, lower case
    counted_relation TEXT,
    approximate INTEGER NOT NULL,    -- 0 or 1
    qualifier TEXT,
    low REAL,
    high REAL,
    event TEXT,
    sentence INTEGER NOT NULL,
    quote TEXT,                      -- id of the quote holding the figure
    part_of TEXT,                    -- id of the figure this one is part of
    "when" TEXT,                     -- id in times of the time that governs it (NULL: the article's date)
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS figures_counted ON figures(counted);
CREATE INDEX IF NOT EXISTS figures_value ON figures(value);
CREATE TABLE IF NOT EXISTS quotes (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,                -- 'q1'
    type TEXT NOT NULL,              -- direct, indirect, mixed
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,                    -- the speaker mention as written ('she')
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_name TEXT,               -- whom it refers to
    speaker_entity TEXT,             -- id in entities
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    sentence INTEGER NOT NULL,
    figures TEXT NOT NULL,           -- JSON array of figure ids inside the quote
    continues TEXT,
    "when" TEXT,                     -- id in times of when it was said (NULL: the article's date)
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker_name ON quotes(speaker_name);
{TIMES_DDL}CREATE TABLE IF NOT EXISTS entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,                -- 'p1', 'l1', 'o1'
    kind TEXT NOT NULL,              -- person, place, organization
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,           -- JSON array
    mentions INTEGER NOT NULL,       -- how many (one row each in mentions)
    titles TEXT,                     -- people: JSON array
    gender TEXT,                     -- people
    place_kind TEXT,                 -- places: country, region, city, site, other
    country TEXT,                    -- places: ISO 3166-1 alpha-2
    latitude REAL,
    longitude REAL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE TABLE IF NOT EXISTS mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(article_id, entity_id);
"""


class DatabaseError(ValueError):
    """The file is not a database this version of factx can fill; the message is one line."""


def _json(items: list[str]) -> str:
    return json.dumps(items, ensure_ascii=False)


class SqliteWriter:
    """Writes each article, whole, in its own transaction; ``holds`` tells a re-run what to skip."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        self.inserted = self.skipped = 0
        self.upgraded_from: int | None = None  # the schema version found, when the file was upgraded
        try:
            # autocommit mode: transactions are opened and closed explicitly, one per article
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.execute("PRAGMA foreign_keys = ON")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.Error as e:
            raise DatabaseError(f"cannot use {self.path} as a database: {e}") from None
        if version != DB_SCHEMA_VERSION and (version or tables) and version not in MIGRATIONS:
            self.conn.close()
            raise DatabaseError(f"{self.path} holds schema version {version} (or other tables); this factx writes "
                                f"version {DB_SCHEMA_VERSION}: use a new file")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        if version in MIGRATIONS:
            self._upgrade(version)
        elif not version:
            # one script, one transaction: the tables, the version rows and the version number together
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{DDL}"
                f"INSERT OR REPLACE INTO factx VALUES ('db_schema_version', '{DB_SCHEMA_VERSION}');\n"
                f"INSERT OR REPLACE INTO factx VALUES ('json_schema_version', '{SCHEMA_VERSION}');\n"
                f"PRAGMA user_version = {DB_SCHEMA_VERSION};\nCOMMIT;")

    def _upgrade(self, version: int) -> None:
        """Bring a database of an older schema up to this one, all steps and the new number in one transaction,
        so an interrupted upgrade leaves the old database as it was."""
        steps = "".join(MIGRATIONS[v] for v in range(version, DB_SCHEMA_VERSION))
        try:
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{steps}"
                f"INSERT OR REPLACE INTO factx VALUES ('db_schema_version', '{DB_SCHEMA_VERSION}');\n"
                f"PRAGMA user_version = {DB_SCHEMA_VERSION};\nCOMMIT;")
        except sqlite3.Error as e:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            self.conn.close()
            raise DatabaseError(f"cannot upgrade {self.path} from schema version {version}: {e}") from None
        self.upgraded_from = version

    def holds(self, source: str, sha256: str, model: ModelInfo | None = None, factx_version: str | None = None) -> bool:
        """Whether ``source`` is stored with these exact bytes, and (when given) by this model and this factx:
        extracting it again would then give the same rows, so it is wasted work.

        An article stored by another model or factx version, or by a factx
        that did not record its version (a database upgraded from schema 1),
        is not held: the run extracts it again and ``write`` replaces it.
        """
        sql = "SELECT 1 FROM articles WHERE source = ? AND sha256 = ?"
        args: list[str] = [source, sha256]
        if model is not None:
            sql += " AND model = ? AND model_version = ?"
            args += [model.name, model.version]
        if factx_version is not None:
            sql += " AND factx_version = ?"
            args.append(factx_version)
        found = self.conn.execute(sql, args).fetchone() is not None
        self.skipped += found
        return found

    def write(self, article: Article) -> None:
        """Replace ``article.source``'s rows with this article's, in one transaction."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            c.execute("DELETE FROM articles WHERE source = ?", (article.source,))  # children go by cascade
            page = article.page
            article_id = c.execute(
                "INSERT INTO articles (source, sha256, length, encoding, sentences, model, model_version, "
                "extracted_at, title, author, date, url, sitename, text, factx_version, article_date, date_source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.source, article.input_sha256 or "", article.length, article.encoding, article.sentences,
                 article.model.name, article.model.version, datetime.now(UTC).isoformat(timespec="seconds"),
                 *((page.title, page.author, page.date, page.url, page.sitename) if page else (None,) * 5),
                 article.text, __version__, article.date, article.date_source)).lastrowid
            c.executemany(
                "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, f.id, f.text, f.start, f.end, f.value, f.unit, f.counted, f.counted_relation,
                  int(f.approximate), f.qualifier, f.low, f.high, f.event, f.sentence, f.quote, f.part_of, f.when)
                 for f in article.figures])
            c.executemany(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, q.id, q.type, q.text, q.start, q.end,
                  *((q.speaker.text, q.speaker.start, q.speaker.end, q.speaker.name, q.speaker.entity)
                    if q.speaker else (None,) * 5),
                  *((q.cue.text, q.cue.start, q.cue.end) if q.cue else (None,) * 3),
                  q.sentence, _json(q.figures), q.continues, q.when) for q in article.quotes])
            c.executemany("INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [(article_id, t.id, t.type, t.value, t.text, t.start, t.end, t.sentence)
                           for t in article.times])
            entities, mentions = [], []
            for kind, field in ENTITY_KINDS:
                for e in getattr(article, field):
                    entities.append((article_id, e.id, kind, e.name, _json(e.aliases), len(e.mentions),
                                     _json(e.titles) if kind == "person" else None, getattr(e, "gender", None),
                                     getattr(e, "kind", None), getattr(e, "country", None),
                                     getattr(e, "latitude", None), getattr(e, "longitude", None)))
                    mentions.extend((article_id, e.id, m.start, m.end, m.text, m.sentence) for m in e.mentions)
            c.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entities)
            c.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", mentions)
            c.execute("COMMIT")
        except BaseException as e:
            with contextlib.suppress(sqlite3.Error):
                c.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):  # disk full, database locked by another writer: one line, exit 1
                raise OSError(f"database error: {e}") from e
            raise
        self.inserted += 1

    def close(self) -> None:
        """Fold the write-ahead log back into the file, so the finished database is one file."""
        with contextlib.suppress(sqlite3.Error):  # another reader (Datasette) may hold the log open
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.close()

    def abort(self) -> None:
        """Interrupted: what is committed is whole articles and stays (a re-run resumes from it)."""
        with contextlib.suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        self.close()
