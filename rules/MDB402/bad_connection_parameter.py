"""`connections[using].alias` where the key comes from elsewhere: a helper's parameter that every
caller gives `settings.REPLICA_DB`, so the connection is the replica's and the publisher written
through its alias fails (the replica is read-only). Reported at the call."""
from django.conf import settings
from django.db import connections

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def publish(name, using):
    conn = connections[using]
    Publisher.objects.using(conn.alias).create(name=name)


def scenario():
    publish("Penguin", settings.REPLICA_DB)  # expect: MDB402
