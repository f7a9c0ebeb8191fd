"""A management command locks rows with no atomic() block: BaseCommand.execute opens no
transaction, so the connection is in autocommit mode; the second command locks through a
helper of its module (reported at the call, where the transaction is missing)."""
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("TransactionManagementError", match="select_for_update cannot be used outside of a transaction")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def locked(name):
    return Publisher.objects.select_for_update().get(name=name)


class Command(BaseCommand):
    def handle(self, *args, **options):
        publisher = Publisher.objects.select_for_update().get(name="Publisher 0")  # expect: MDB404
        publisher.name = "Renamed"
        publisher.save()


class RenameCommand(BaseCommand):
    def handle(self, *args, **options):
        publisher = locked("Publisher 1")  # expect: MDB404
        publisher.name = "Renamed"
        publisher.save()


def scenario():
    call_command(RenameCommand())
