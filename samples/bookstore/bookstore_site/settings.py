"""Settings for the bookstore sample project.

Three database aliases: "default" (the primary), "replica" (a read replica of the
primary; in tests it mirrors "default") and "other" (a separate archive database).
"""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "bookstore-sample-not-a-secret"

DEBUG = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "catalog",
    "accounts.apps.AccountsConfig",
]

# Alias names used by the application code as settings.PRIMARY_DB etc.
PRIMARY_DB = "default"
REPLICA_DB = "replica"
ARCHIVE_DB = "other"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "primary.sqlite3",
    },
    "replica": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "primary.sqlite3",
        "TEST": {"MIRROR": "default"},
    },
    "other": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "archive.sqlite3",
    },
}

DATABASE_ROUTERS = ["bookstore_site.routers.PrimaryReplicaRouter"]

USE_TZ = True

DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
