"""The look-alike of bad_connection_parameter: the helper's every caller gives
`settings.PRIMARY_DB`, so the connection is the primary's and the write lands there."""
from django.conf import settings
from django.db import connections

from catalog.models import Publisher


def publish(name, using):
    conn = connections[using]
    Publisher.objects.using(conn.alias).create(name=name)


def scenario():
    publish("Penguin", settings.PRIMARY_DB)
    return Publisher.objects.using("default").filter(name="Penguin").count()


def check(result):
    return result == 1
