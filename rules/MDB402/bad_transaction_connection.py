"""The alias travels through `transaction.get_connection()`: the replica's connection carries
"replica" as its `.alias`, read from a local, inline, and in a helper whose every caller passes the
replica; the publisher written there fails (the replica is read-only)."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")

READS = "replica"


def publish(name, using):
    conn = transaction.get_connection(using)
    Publisher.objects.using(conn.alias).create(name=name)


def scenario():
    conn = transaction.get_connection(READS)
    Publisher.objects.using(conn.alias).create(name="Penguin")  # expect: MDB402
    Publisher.objects.using(transaction.get_connection(using="replica").alias).create(name="Faber")  # expect: MDB402
    publish("Verso", READS)  # expect: MDB402
