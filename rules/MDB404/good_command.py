"""Management commands that lock inside atomic() on the rows' database (the routers' db_for_write,
"default"), directly or through a helper called only inside the block; and a helper that locks
with no block of its own, which nothing here calls outside one (its callers are not known to
run outside a transaction: silent)."""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from catalog.models import Publisher


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def locked(name):
    return Publisher.objects.select_for_update().get(name=name)


def lock_elsewhere(name):
    return Publisher.objects.using("other").select_for_update().filter(name=name).first()


class Command(BaseCommand):
    def handle(self, *args, **options):
        with transaction.atomic():
            publisher = Publisher.objects.select_for_update().get(name="Publisher 0")
            publisher.name = "Renamed"
            publisher.save()


class RenameCommand(BaseCommand):
    @transaction.atomic
    def handle(self, *args, **options):
        publisher = locked("Publisher 1")
        publisher.name = "Renamed too"
        publisher.save()


def scenario():
    call_command(Command())
    call_command(RenameCommand())
    return [p.name for p in Publisher.objects.using("default").filter(name__startswith="Renamed").order_by("pk")]


def check(result):
    return result == ["Renamed", "Renamed too"]
