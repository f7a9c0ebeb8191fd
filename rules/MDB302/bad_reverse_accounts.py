"""A reverse ForeignKey with a related_name in another app (profile.subscriptions), iterated
per profile."""
from accounts.models import Subscription, UserProfile
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        profile = UserProfile.objects.create(flavor=f"flavor {i}")
        Subscription.objects.create(profile=profile)


# fix: prefetch_related("subscriptions")
def scenario():
    pks = []
    for profile in UserProfile.objects.all():
        pks.append([sub.pk for sub in profile.subscriptions.all()])  # expect: MDB302
    return pks
