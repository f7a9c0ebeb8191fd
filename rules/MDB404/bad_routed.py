"""select_for_update() marks the queryset for writing: the router's db_for_write ("default")
picks its database, not db_for_read ("replica"), and not the atomic block's "other"."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("TransactionManagementError", match="outside of a transaction")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    with transaction.atomic(using="other"):
        names = [p.name for p in Publisher.objects.select_for_update().order_by("pk")]  # expect: MDB404
    return names
