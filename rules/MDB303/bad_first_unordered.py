"""first() on a prefetched manager whose model has no Meta.ordering orders by pk, which is a
new query: person.fans (UserProfile, unordered) queries once per person despite the prefetch."""
from accounts.models import UserProfile
from catalog.models import Person
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        author = Person.objects.create(name=f"Author {i}")
        UserProfile.objects.create(flavor="vanilla", favourite_author=author)


def scenario():
    return [str(person.fans.first()) for person in Person.objects.prefetch_related("fans")]  # expect: MDB303
