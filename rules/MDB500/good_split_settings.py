"""Settings that extend another module's with a star import and item assignments keyed by a
constant: mdblint follows them as Python runs them."""

from good_literal_settings import *  # noqa: F403

ANALYTICS = "analytics"
DATABASES[ANALYTICS] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}  # noqa: F405
INSTALLED_APPS = INSTALLED_APPS + ["django.contrib.sessions"]  # noqa: F405
