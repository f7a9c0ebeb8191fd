"""Both branches pick the replica (a literal or settings.REPLICA_DB) for a save()."""
from django.conf import settings

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario(configured=True):
    if configured:
        db = settings.REPLICA_DB
    else:
        db = "replica"
    publisher = Publisher(name="Penguin")
    publisher.save(using=db)  # expect: MDB402
    return publisher.pk
