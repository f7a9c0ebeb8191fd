"""Settings for the envsite sample project, written the way deployed projects write them: the
alias settings come from the environment (os.environ, os.getenv, django-environ) with literal
defaults, and DATABASES is built from a dict of dicts keyed by constants, by dj_database_url and
by django-environ's env.db(). The fixtures run with none of these variables set: every default
applies (and mdblint, which reads this file without running it, knows each default and that the
environment may say otherwise).

Aliases: "default" (the primary, from dj_database_url), "replica" (a read replica of the primary;
in tests it mirrors "default"), "archive" (env.db()), "history" (dj_database_url.parse()),
"shard_a" and "shard_b" (a dict comprehension), and "replica_eu" only where ENVSITE_REGION is "eu".
Some alias settings are wrong on purpose: their defaults name aliases DATABASES never defines
(the MDB501 fixtures that run in this sample use them).
"""
import os
from pathlib import Path

import dj_database_url
import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(ENVSITE_ARCHIVE_DB=(str, "archive"))

SECRET_KEY = "envsite-sample-not-a-secret"

DEBUG = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "ledger.apps.LedgerConfig",
]

# -- DATABASES ---------------------------------------------------------------------------------

PRIMARY = "default"
REPLICA = "replica"
_SQLITE = "django.db.backends.sqlite3"

# A dict of dicts keyed by constants, copied into DATABASES.
_SERVERS = {
    PRIMARY: {"ENGINE": _SQLITE, "NAME": BASE_DIR / "primary.sqlite3"},
    REPLICA: {"ENGINE": _SQLITE, "NAME": BASE_DIR / "primary.sqlite3", "TEST": {"MIRROR": PRIMARY}},
}
DATABASES = dict(_SERVERS)
DATABASES[PRIMARY] = dj_database_url.config(
    "ENVSITE_DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'primary.sqlite3'}")
DATABASES.update(
    archive=env.db("ENVSITE_ARCHIVE_URL", default=f"sqlite:///{BASE_DIR / 'archive.sqlite3'}"),
    history=dj_database_url.parse(os.environ.get("ENVSITE_HISTORY_URL", f"sqlite:///{BASE_DIR / 'history.sqlite3'}")),
)
_SHARD_NAMES = ("shard_a", "shard_b")
SHARDS = {name: {"ENGINE": _SQLITE, "NAME": BASE_DIR / "shards.sqlite3"} for name in _SHARD_NAMES}
DATABASES.update(SHARDS)
if os.environ.get("ENVSITE_REGION") == "eu":
    DATABASES["replica_eu"] = {"ENGINE": _SQLITE, "NAME": BASE_DIR / "primary.sqlite3", "TEST": {"MIRROR": PRIMARY}}

# -- alias settings (application code reads them as settings.NAME) ----------------------------

READ_DB = os.environ.get("ENVSITE_READ_DB", REPLICA)
WRITE_DB = os.getenv("ENVSITE_WRITE_DB", PRIMARY)
AUDIT_DB = os.environ.get("ENVSITE_AUDIT_DB", "archvie")        # wrong: DATABASES has "archive"
REPORTS_DB = os.getenv("ENVSITE_REPORTS_DB", default="reports")  # wrong: no "reports" alias
ARCHIVE_DB = env("ENVSITE_ARCHIVE_DB")                          # the scheme's default, "archive"
HISTORY_DB = env.str("ENVSITE_HISTORY_DB", default="history")
LEDGER_DB = env("ENVSITE_LEDGER_DB", default="ledger")          # wrong: no "ledger" alias
if os.environ.get("ENVSITE_REGION") == "eu":
    EXPORT_DB = "replica_eu"
else:
    EXPORT_DB = REPLICA
STATS_DB = "history" if os.environ.get("ENVSITE_STATS_ON_HISTORY") else PRIMARY
SEARCH_DB = REPLICA if os.environ.get("ENVSITE_SEARCH_ON_REPLICA") else "serach"  # wrong: misspelt

USE_TZ = True

DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
