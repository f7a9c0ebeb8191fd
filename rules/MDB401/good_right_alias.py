"""The atomic block is on the alias the writes go to: a literal, a module constant and
settings.ARCHIVE_DB all name "other", so the rollback undoes every row."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher

ARCHIVE = "other"


def scenario():
    try:
        with transaction.atomic(using=settings.ARCHIVE_DB):
            Publisher.objects.using("other").create(name="Penguin")
            Publisher(name="Faber").save(using=ARCHIVE)
            Publisher.objects.db_manager(ARCHIVE).bulk_create([Publisher(name="Verso")])
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").count()


def check(survived):
    return survived == 0
