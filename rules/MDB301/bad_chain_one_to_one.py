"""select_related("profile") joins the profile, not the profile's user (a OneToOneField):
sub.profile.user queries once per subscription."""
from django.contrib.auth.models import User

from accounts.models import Subscription, UserProfile
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        profile = UserProfile.objects.create(user=User.objects.create(username=f"reader{i}"), flavor="vanilla")
        Subscription.objects.create(profile=profile)


# fix: select_related("profile", "profile__user")
def scenario():
    return [sub.profile.user.username for sub in Subscription.objects.select_related("profile")]  # expect: MDB301
