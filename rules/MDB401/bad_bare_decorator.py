"""A bare @transaction.atomic decorator protects "default" only; the write goes to
settings.ARCHIVE_DB ("other")."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


@transaction.atomic
def archive_publisher(name):
    Publisher.objects.using(settings.ARCHIVE_DB).create(name=name)  # expect: MDB401
    raise RuntimeError("abort the import")


def scenario():
    try:
        archive_publisher("Penguin")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
