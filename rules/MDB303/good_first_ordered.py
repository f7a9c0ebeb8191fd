"""first() on a prefetched manager is served from the prefetched rows when they are ordered: by
the model's Meta.ordering, or by the Prefetch queryset's order_by()."""
from django.db.models import Prefetch

from accounts.models import UserProfile
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        UserProfile.objects.create(flavor="vanilla", favourite_author=author)
        Pet.objects.create(name=f"Pet {i}", owner=author)


def scenario():
    fans = Prefetch("fans", queryset=UserProfile.objects.order_by("pk"))
    firsts = [str(person.fans.first()) for person in Person.objects.prefetch_related(fans)]
    listed = [next(iter(person.fans.all()), None) is not None
              for person in Person.objects.prefetch_related("fans")]
    pets = [str(person.pet_set.first()) for person in Person.objects.prefetch_related("pet_set")]   # Pet: ordered
    return firsts, listed, pets
