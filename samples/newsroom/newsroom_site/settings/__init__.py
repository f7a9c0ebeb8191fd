"""Settings for the newsroom sample project: the base settings plus the analytics alias, whose
requests run in a transaction (ATOMIC_REQUESTS); "default"'s do not."""
from .base import *  # noqa

DATABASES["analytics"] = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": BASE_DIR / "analytics.sqlite3",
    "ATOMIC_REQUESTS": True,
}
