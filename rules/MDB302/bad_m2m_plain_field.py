"""A forward ManyToManyField without reverse accessor (Subscription.publishers, related_name="+")
evaluated per subscription."""
from accounts.models import Subscription, UserProfile
from catalog.models import Publisher
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        subscription = Subscription.objects.create(profile=UserProfile.objects.create(flavor="vanilla"))
        subscription.publishers.add(Publisher.objects.create(name=f"Publisher {i}"))


def scenario():
    return [list(sub.publishers.values_list("name", flat=True)) for sub in Subscription.objects.all()]  # expect: MDB302
