"""A helper takes the alias as a parameter and returns a bound queryset; the caller passes
settings.REPLICA_DB and writes through it."""
from django.conf import settings

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def publishers(using):
    return Publisher.objects.using(using)


def scenario():
    return publishers(settings.REPLICA_DB).create(name="Penguin")  # expect: MDB402
