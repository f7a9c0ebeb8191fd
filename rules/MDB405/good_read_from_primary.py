"""The look-alikes: the rows just written are read from the primary (.using("default")); the
replica is read for rows the function did not write, before any write, in a branch the write
is not on, and for a model unrelated to the one written."""
from catalog.models import Person, Publisher, Tag

REPLICA_LAG = True


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")
        Tag.objects.using("default").create(name=f"Tag {i}")


def scenario(update=False):
    before = Publisher.objects.filter(name="Publisher 0").exists()   # read before the write
    if update:
        Publisher.objects.create(name="Faber")
    else:
        known = Publisher.objects.filter(name="Publisher 1").exists()
    Publisher.objects.create(name="Penguin")
    fresh = Publisher.objects.using("default").filter(name="Penguin").exists()
    tags = Tag.objects.filter(name="Tag 0").count()                 # Tag is not related to Publisher
    people = Person.objects.count()
    return before, known, fresh, tags, people


def check(result):
    return result == (True, True, True, 1, 0)
