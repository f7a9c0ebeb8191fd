"""A settings module whose DATABASE_ROUTERS is built by a comprehension: Django installs the
router, mdblint cannot tell which routers run."""

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
INSTALLED_APPS = []
_ROUTERS = ["PrimaryReplicaRouter"]
DATABASE_ROUTERS = [f"mysite.routers.{name}" for name in _ROUTERS]  # expect: MDB500
