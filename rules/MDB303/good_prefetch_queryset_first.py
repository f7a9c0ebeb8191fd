"""first() after Prefetch("fans", queryset=<ordered>) on the unordered UserProfile: the
prefetched rows are ordered, first() takes the first of them."""
from django.db.models import Prefetch

from accounts.models import UserProfile
from catalog.models import Person


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        UserProfile.objects.create(flavor="vanilla", favourite_author=author)
        UserProfile.objects.create(flavor="chocolate", favourite_author=author)


def scenario():
    fans = Prefetch("fans", queryset=UserProfile.objects.order_by("-flavor"))
    return [person.fans.first().flavor for person in Person.objects.prefetch_related(fans)]


def check(result):
    return all(flavor == "vanilla" for flavor in result)
