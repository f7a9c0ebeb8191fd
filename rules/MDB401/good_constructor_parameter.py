"""Aliases a service gets from its constructor: every construction passes "other" (by keyword,
and through a subclass's super().__init__), so the block and the write are on "other" and each
rollback undoes its row."""
from django.db import transaction

from catalog.models import Publisher


class Copier:
    def __init__(self, source, target):
        self.source = source
        self.target = target

    def copy(self, name):
        with transaction.atomic(using=self.target):
            Publisher.objects.using(self.target).create(name=name)
            raise RuntimeError("abort the copy")


class ArchiveCopier(Copier):
    def __init__(self, target):
        super().__init__("default", target)


def scenario():
    for copier in (Copier(source="default", target="other"), ArchiveCopier("other")):
        try:
            copier.copy("Penguin")
        except RuntimeError:
            pass
    return Publisher.objects.using("other").count()


def check(survived):
    return survived == 0
