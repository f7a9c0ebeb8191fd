"""The look-alike of bad_connection_alias: `connections[WRITES].alias` is the primary, and the write
through it lands there."""
from django.db import connections

from catalog.models import Publisher

WRITES = "default"


def scenario():
    conn = connections[WRITES]
    Publisher.objects.using(conn.alias).create(name="Penguin")
