"""A settings module whose INSTALLED_APPS comes from a call: Django installs the apps, mdblint
cannot tell which models exist."""


def _apps(*names):
    return ["django.contrib.contenttypes", *names]


DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
INSTALLED_APPS = _apps("django.contrib.auth")  # expect: MDB500
DATABASE_ROUTERS = []
