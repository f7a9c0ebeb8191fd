"""Settings for the appsite sample project: two databases and a router that sends each app's
models to its own database, the way the Django documentation's AuthRouter does. The analytics
app's models live on "analytics", every other model on "default"; no alias mirrors another, so
the two databases hold different rows."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "appsite-sample-not-a-secret"

DEBUG = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "store",
    "analytics",
]

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "store.sqlite3"},
    "analytics": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "analytics.sqlite3"},
}

DATABASE_ROUTERS = ["appsite_site.routers.AppRouter"]

USE_TZ = True

DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
