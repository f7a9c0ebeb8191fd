"""A parameter whose callers all pass the same alias: the helper opens its block and writes on
`alias`, and every call passes "other" (a literal, settings.ARCHIVE_DB). Each rollback undoes
its row."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher


def import_publisher(name, alias):
    with transaction.atomic(using=alias):
        Publisher.objects.using(alias).create(name=name)
        raise RuntimeError("abort the import")


def scenario():
    for name, alias in (("Penguin", "other"), ("Faber", settings.ARCHIVE_DB)):
        try:
            import_publisher(name, alias)
        except RuntimeError:
            pass
    try:
        import_publisher("Verso", alias=settings.ARCHIVE_DB)
    except RuntimeError:
        pass
    return Publisher.objects.using("other").count()


def check(survived):
    return survived == 0
