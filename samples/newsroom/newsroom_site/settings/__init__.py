"""Settings for the newsroom sample project: the base settings plus the analytics alias."""
from .base import *  # noqa

DATABASES["analytics"] = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": BASE_DIR / "analytics.sqlite3",
}
