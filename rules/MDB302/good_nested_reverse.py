"""profile.subscriptions and each subscription's publishers, prefetched in one lookup
("subscriptions__publishers")."""
from accounts.models import Subscription, UserProfile
from catalog.models import Publisher


def setup(n):
    for i in range(n):
        profile = UserProfile.objects.create(flavor=f"flavor {i}")
        subscription = Subscription.objects.create(profile=profile)
        subscription.publishers.add(Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    names = []
    for profile in UserProfile.objects.prefetch_related("subscriptions__publishers"):
        for sub in profile.subscriptions.all():
            names.append([publisher.name for publisher in sub.publishers.all()])
    return names
