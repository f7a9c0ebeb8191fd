"""The look-alikes: an outer atomic() on "default" around a project wrapper that opens its own
block on "other" (a function returning atomic(using=...), a @contextmanager yielding inside
one, a decorator made by a wrapper). Every write is inside a block on its own database, so the
rollbacks undo them all."""
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction

from catalog.models import Publisher


def archive_atomic():
    return transaction.atomic(using=settings.ARCHIVE_DB)


def atomic_on(alias):
    return transaction.atomic(using=alias)


@contextmanager
def block_on(alias):
    with transaction.atomic(using=alias):
        yield


@atomic_on("other")
def archive(name):
    Publisher.objects.using("other").create(name=name)
    raise RuntimeError("abort the import")


def scenario():
    for wrapper in (archive_atomic, lambda: block_on("other")):
        try:
            with transaction.atomic():
                with wrapper():
                    Publisher.objects.using("other").create(name="Penguin")
                    raise RuntimeError("abort the import")
        except RuntimeError:
            pass
    try:
        with transaction.atomic():
            with archive_atomic():
                Publisher.objects.using("other").create(name="Faber")
            with block_on("other"):
                Publisher(name="Verso").save(using="other")
            raise RuntimeError("abort: the blocks on other have committed")
    except RuntimeError:
        pass
    try:
        with transaction.atomic():
            archive("Penguin")
    except RuntimeError:
        pass
    return sorted(Publisher.objects.using("other").values_list("name", flat=True))


def check(names):
    return names == ["Faber", "Verso"]
