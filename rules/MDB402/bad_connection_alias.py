"""The alias travels through a connection object: `connections[READS].alias` is the replica, and the
publisher written there fails (the replica is read-only)."""
from django.db import connections

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")

READS = "replica"


def scenario():
    conn = connections[READS]
    Publisher.objects.using(conn.alias).create(name="Penguin")  # expect: MDB402
