"""last() on a prefetched manager whose model has no Meta.ordering (UserProfile) orders by -pk:
a new query per person."""
from accounts.models import UserProfile
from catalog.models import Person
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        UserProfile.objects.create(flavor="vanilla", favourite_author=author)
        UserProfile.objects.create(flavor="chocolate", favourite_author=author)


def scenario():
    return [str(person.fans.last()) for person in Person.objects.prefetch_related("fans")]  # expect: MDB303
