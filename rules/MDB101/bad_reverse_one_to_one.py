"""The reverse side of a OneToOneField: a user from the archive given a profile from the
primary. The archive alias comes from settings."""
from django.conf import settings
from django.contrib.auth.models import User

from accounts.models import UserProfile
from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="router prevents this relation")


def setup(n):
    for i in range(n):
        User.objects.db_manager(settings.ARCHIVE_DB).create_user(f"archived{i}")
        UserProfile.objects.using("default").create(flavor=f"flavor {i}")


def scenario():
    user = User.objects.db_manager(settings.ARCHIVE_DB).get(username="archived0")
    profile = UserProfile.objects.using(settings.PRIMARY_DB).get(flavor="flavor 0")
    user.userprofile = profile  # expect: MDB101
    profile.save()
