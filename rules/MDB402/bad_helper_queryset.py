"""A helper returns a queryset bound to the replica (fine for reading); the caller writes through it."""
from catalog.models import Publisher

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def fast_publishers():
    return Publisher.objects.using("replica")


def scenario():
    return fast_publishers().create(name="Penguin")  # expect: MDB402
