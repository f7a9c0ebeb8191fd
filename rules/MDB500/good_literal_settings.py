"""A settings module mdblint reads whole: literal DATABASES (an alias named by a constant),
INSTALLED_APPS and DATABASE_ROUTERS."""

REPLICA = "replica"
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
    REPLICA: {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "TEST": {"MIRROR": "default"}},
}
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
DATABASE_ROUTERS = []
