"""A settings module whose DATABASES is built by a call: Django gets two aliases, mdblint none."""


def _databases():
    return {alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"} for alias in ("default", "replica")}


DATABASES = _databases()  # expect: MDB500
INSTALLED_APPS = []
DATABASE_ROUTERS = []
