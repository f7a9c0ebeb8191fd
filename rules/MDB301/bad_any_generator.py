"""any() over a generator reading Subscription.profile; no row matches, so every row is read."""
from accounts.models import Subscription, UserProfile
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        profile = UserProfile.objects.create(flavor="vanilla")
        Subscription.objects.create(profile=profile)


# fix: select_related("profile")
def scenario():
    return any(sub.profile.flavor == "chocolate" for sub in Subscription.objects.all())  # expect: MDB301
