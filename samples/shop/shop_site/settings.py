"""Settings for the shop sample project: one database, no routers.

The shop's models keep their logic on the model (``__str__``, properties, methods that read
relations or query, ``save()``/``delete()`` overrides): the per-row N+1 fixtures run here.
"""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "shop-sample-not-a-secret"

DEBUG = True

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "orders",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "shop.sqlite3",
    },
}

# The template fixtures' templates are in orders/templates/ (APP_DIRS) and templates/ (DIRS).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
    },
]

USE_TZ = True

DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
