"""The look-alike of bad_transaction_connection: `transaction.get_connection()` of the primary
(named, or by default) carries "default" as its `.alias`, and the writes through it land there;
the replica's connection is used for a read only."""
from django.db import transaction

from catalog.models import Publisher

WRITES = "default"


def publish(name, using):
    conn = transaction.get_connection(using)
    Publisher.objects.using(conn.alias).create(name=name)


def scenario():
    reads = transaction.get_connection("replica")
    total = Publisher.objects.using(reads.alias).count()   # read before any write (MDB405)
    conn = transaction.get_connection(WRITES)
    Publisher.objects.using(conn.alias).create(name=f"Penguin {total}")
    Publisher.objects.using(transaction.get_connection().alias).create(name="Faber")
    publish("Verso", WRITES)
    return Publisher.objects.using("default").count()


def check(result):
    return result == 3
