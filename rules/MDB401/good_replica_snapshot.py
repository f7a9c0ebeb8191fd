"""An atomic() block on the replica, opened so that every read of the block sees one snapshot of
it, with a write to "default" inside: a block on a read-only database never holds a write, so
nothing the block could roll back is left out (a write through the replica is MDB402's)."""
from django.db import transaction

from catalog.models import Publisher

# A replica of its own (a copy of "default"), as on a server: with the test mirror, SQLite's read
# transaction on the shared file would lock out the write to "default".
REPLICA_LAG = True


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    with transaction.atomic(using="replica"):
        names = [p.name for p in Publisher.objects.using("replica").order_by("pk")]
        Publisher.objects.using("default").filter(name__in=names[:1]).update(name="Renamed")
    return Publisher.objects.using("default").filter(name="Renamed").count()


def check(result):
    return result == 1
