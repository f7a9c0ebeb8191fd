"""Writes the router sends to "default" (plain create(), save() of a new instance, save() of an
instance read from the replica) inside a bare atomic() / @transaction.atomic: same database."""
from django.db import transaction

from catalog.models import Publisher


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


@transaction.atomic
def rename(publisher):
    publisher.name = "Renamed"
    publisher.save()
    raise RuntimeError("abort the rename")


def scenario():
    try:
        with transaction.atomic():
            Publisher.objects.create(name="Penguin")
            Publisher(name="Faber").save()
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    publisher = Publisher.objects.get(name="Publisher 0")   # read from "replica"
    try:
        rename(publisher)
    except RuntimeError:
        pass
    return Publisher.objects.using("default").filter(name__in=["Penguin", "Faber", "Renamed"]).count()


def check(survived):
    return survived == 0
