"""A dict comprehension reading a forward OneToOneField (UserProfile.user) per row."""
from django.contrib.auth.models import User

from accounts.models import UserProfile
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        user = User.objects.create(username=f"reader{i}")
        UserProfile.objects.create(user=user, flavor="vanilla")


# fix: select_related("user")
def scenario():
    return {profile.pk: profile.user.username for profile in UserProfile.objects.all()}  # expect: MDB301
