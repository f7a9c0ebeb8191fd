"""Project wrappers of transaction.atomic: a function returning atomic(using=settings.ARCHIVE_DB)
and a @contextmanager yielding inside atomic(using=alias). Both open a block on "other"; the
writes go to "default" and survive the rollback."""
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 2)


def archive_atomic():
    return transaction.atomic(using=settings.ARCHIVE_DB)


@contextmanager
def block_on(alias):
    with transaction.atomic(using=alias):
        yield


def scenario():
    try:
        with archive_atomic():
            Publisher.objects.using("default").create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    try:
        with block_on("other"):
            Publisher(name="Penguin").save(using="default")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("default").filter(name="Penguin").count()
