"""A method's parameter whose callers all pass the same alias, spelled two ways ("other" and
settings.ARCHIVE_DB): the block and the write are on it, so each rollback undoes its row."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher


class Importer:
    def store(self, name, alias):
        with transaction.atomic(using=alias):
            Publisher.objects.using(alias).create(name=name)
            raise RuntimeError("abort the import")

    def run(self):
        self.store("Penguin", "other")


class ArchiveImporter(Importer):
    def run(self):
        Importer.store(self, "Faber", alias=settings.ARCHIVE_DB)


def scenario():
    for importer in (Importer(), ArchiveImporter()):
        try:
            importer.run()
        except RuntimeError:
            pass
    return Publisher.objects.using("other").count()


def check(survived):
    return survived == 0
