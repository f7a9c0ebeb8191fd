"""A bare atomic() opens a transaction on "default" only; the locked rows are on "other", whose
connection stays in autocommit mode."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("TransactionManagementError", match="select_for_update cannot be used outside of a transaction")


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")


def scenario():
    with transaction.atomic():
        publisher = Publisher.objects.using("other").select_for_update().get(name="Publisher 0")  # expect: MDB404
        publisher.name = "Renamed"
        publisher.save()
    return publisher.name
