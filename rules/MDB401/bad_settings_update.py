"""atomic(using=settings.ARCHIVE_DB) around an update() on settings.PRIMARY_DB: the rollback
leaves every renamed row renamed."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda renamed: renamed > 0)


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    try:
        with transaction.atomic(using=settings.ARCHIVE_DB):
            Publisher.objects.using(settings.PRIMARY_DB).update(name="Renamed")  # expect: MDB401
            raise RuntimeError("abort the rename")
    except RuntimeError:
        pass
    return Publisher.objects.using("default").filter(name="Renamed").count()
