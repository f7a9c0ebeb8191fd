"""The same alias spelled two ways on attributes: the block is on `self.primary`, set in
__init__ from settings.ARCHIVE_DB, and the write on the class attribute `database = "other"`;
a subclass that moves both to "default" keeps them together. Every rollback undoes its row."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher


class Job:
    database = "other"

    def __init__(self):
        self.primary = settings.ARCHIVE_DB

    def run(self, name):
        with transaction.atomic(using=self.primary):
            Publisher.objects.using(self.database).create(name=name)
            raise RuntimeError("abort the import")


def scenario():
    try:
        Job().run("Penguin")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").count()


def check(survived):
    return survived == 0
