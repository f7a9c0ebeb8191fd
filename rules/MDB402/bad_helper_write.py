"""A helper takes the alias as a parameter and writes itself; the caller passes settings.REPLICA_DB
(the write happens in the helper, on the alias of the call)."""
from django.conf import settings

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def add_publisher(name, using):
    return Publisher.objects.db_manager(using).create(name=name)


def scenario():
    return add_publisher("Penguin", using=settings.REPLICA_DB)  # expect: MDB402
