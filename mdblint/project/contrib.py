"""The models of Django's contrib apps, as small embedded sources run through the summarizer.

Only what the graph needs (fields, relations, managers, Meta) is kept, in Django's definition
order. They join the project's summaries under their real module names, so project code that
does `from django.contrib.auth.models import AbstractUser` resolves into them.
"""

from __future__ import annotations

from mdblint.project.summary import ModuleSummary, summarize

CONTENTTYPES_MODELS = '''
from django.db import models

class ContentTypeManager(models.Manager):
    pass

class ContentType(models.Model):
    app_label = models.CharField(max_length=100)
    model = models.CharField(max_length=100)
    objects = ContentTypeManager()
'''

AUTH_BASE_USER = '''
from django.db import models

class BaseUserManager(models.Manager):
    pass

class AbstractBaseUser(models.Model):
    password = models.CharField(max_length=128)
    last_login = models.DateTimeField(blank=True, null=True)
    is_active = True
    REQUIRED_FIELDS = []

    class Meta:
        abstract = True
'''

AUTH_MODELS = '''
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.contenttypes.models import ContentType
from django.db import models

class PermissionManager(models.Manager):
    pass

class Permission(models.Model):
    name = models.CharField(max_length=255)
    content_type = models.ForeignKey(ContentType, models.CASCADE)
    codename = models.CharField(max_length=100)
    objects = PermissionManager()

    class Meta:
        ordering = ["content_type__app_label", "content_type__model", "codename"]

class GroupManager(models.Manager):
    pass

class Group(models.Model):
    name = models.CharField(max_length=150, unique=True)
    permissions = models.ManyToManyField(Permission, blank=True)
    objects = GroupManager()

class UserManager(BaseUserManager):
    pass

class PermissionsMixin(models.Model):
    is_superuser = models.BooleanField(default=False)
    groups = models.ManyToManyField(Group, blank=True, related_name="user_set", related_query_name="user")
    user_permissions = models.ManyToManyField(Permission, blank=True, related_name="user_set", related_query_name="user")

    class Meta:
        abstract = True

class AbstractUser(AbstractBaseUser, PermissionsMixin):
    username = models.CharField(max_length=150, unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField()
    objects = UserManager()

    class Meta:
        abstract = True

class User(AbstractUser):
    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
'''

ADMIN_MODELS = '''
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

class LogEntryManager(models.Manager):
    pass

class LogEntry(models.Model):
    action_time = models.DateTimeField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE)
    content_type = models.ForeignKey(ContentType, models.SET_NULL, blank=True, null=True)
    object_id = models.TextField(blank=True, null=True)
    object_repr = models.CharField(max_length=200)
    action_flag = models.PositiveSmallIntegerField()
    change_message = models.TextField(blank=True)
    objects = LogEntryManager()

    class Meta:
        ordering = ["-action_time"]
'''

SESSIONS_BASE = '''
from django.db import models

class BaseSessionManager(models.Manager):
    pass

class AbstractBaseSession(models.Model):
    session_key = models.CharField(max_length=40, primary_key=True)
    session_data = models.TextField()
    expire_date = models.DateTimeField(db_index=True)
    objects = BaseSessionManager()

    class Meta:
        abstract = True
'''

SESSIONS_MODELS = '''
from django.contrib.sessions.base_session import AbstractBaseSession, BaseSessionManager

class SessionManager(BaseSessionManager):
    pass

class Session(AbstractBaseSession):
    objects = SessionManager()

    class Meta(AbstractBaseSession.Meta):
        db_table = "django_session"
'''

SITES_MODELS = '''
from django.db import models

class SiteManager(models.Manager):
    pass

class Site(models.Model):
    domain = models.CharField(max_length=100, unique=True)
    name = models.CharField(max_length=50)
    objects = SiteManager()

    class Meta:
        ordering = ["domain"]
'''

# app name -> {module: source}; the app's models module comes last.
APPS: dict[str, dict[str, str]] = {
    "django.contrib.contenttypes": {"django.contrib.contenttypes.models": CONTENTTYPES_MODELS},
    "django.contrib.auth": {
        "django.contrib.auth.base_user": AUTH_BASE_USER,
        "django.contrib.auth.models": AUTH_MODELS,
    },
    "django.contrib.admin": {"django.contrib.admin.models": ADMIN_MODELS},
    "django.contrib.sessions": {
        "django.contrib.sessions.base_session": SESSIONS_BASE,
        "django.contrib.sessions.models": SESSIONS_MODELS,
    },
    "django.contrib.sites": {"django.contrib.sites.models": SITES_MODELS},
}

# INSTALLED_APPS entries naming a contrib AppConfig -> (app name, label)
APP_CONFIGS: dict[str, tuple[str, str]] = {
    "django.contrib.contenttypes.apps.ContentTypesConfig": ("django.contrib.contenttypes", "contenttypes"),
    "django.contrib.auth.apps.AuthConfig": ("django.contrib.auth", "auth"),
    "django.contrib.admin.apps.AdminConfig": ("django.contrib.admin", "admin"),
    "django.contrib.admin.apps.SimpleAdminConfig": ("django.contrib.admin", "admin"),
    "django.contrib.sessions.apps.SessionsConfig": ("django.contrib.sessions", "sessions"),
    "django.contrib.sites.apps.SitesConfig": ("django.contrib.sites", "sites"),
}

_SUMMARIES: dict[str, ModuleSummary] = {}


def contrib_summaries() -> dict[str, ModuleSummary]:
    """Every embedded contrib module, summarized once per process."""
    if not _SUMMARIES:
        for modules in APPS.values():
            for module, source in modules.items():
                _SUMMARIES[module] = summarize(source, module)
    return dict(_SUMMARIES)
