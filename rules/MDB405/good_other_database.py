"""Writes to "other" (not the replica's primary) inside atomic(using="other"), then replica reads:
the replica mirrors "default", which this code did not write; and a read after a save() of one
instance, of rows the save did not touch."""
from django.db import transaction

from catalog.models import Publisher

REPLICA_LAG = True


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    with transaction.atomic(using="other"):
        Publisher.objects.using("other").create(name="Archived")
        known = Publisher.objects.filter(name="Publisher 0").exists()
    first = Publisher.objects.using("default").get(name="Publisher 1")
    first.name = "Renamed"
    first.save()
    others = Publisher.objects.filter(name="Publisher 2").count()
    return known, others


def check(result):
    return result == (True, 1)
