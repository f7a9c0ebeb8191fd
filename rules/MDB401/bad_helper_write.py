"""A helper writes through the alias it is given; called with settings.ARCHIVE_DB inside a bare
atomic(), its write goes to "other" and survives the rollback."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def add_publisher(name, using):
    Publisher.objects.using(using).create(name=name)


def scenario():
    try:
        with transaction.atomic():
            add_publisher("Penguin", using=settings.ARCHIVE_DB)  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
