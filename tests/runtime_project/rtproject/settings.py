SECRET_KEY = "runtime-tests-only"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]
# The runtime replaces these with SQLite files; "mirror" shares default's file.
DATABASES = {
    "default": {"ENGINE": "django.db.backends.postgresql", "NAME": "rt"},
    "other": {"ENGINE": "django.db.backends.postgresql", "NAME": "rt_other"},
    "mirror": {"ENGINE": "django.db.backends.postgresql", "NAME": "rt", "TEST": {"MIRROR": "default"}},
}
DATABASE_ROUTERS = ["rtproject.routers.MirrorRouter"]
