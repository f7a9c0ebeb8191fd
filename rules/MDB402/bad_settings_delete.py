"""delete() on a queryset bound to settings.REPLICA_DB."""
from django.conf import settings

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    return Publisher.objects.using(settings.REPLICA_DB).filter(name="Publisher 0").delete()  # expect: MDB402
