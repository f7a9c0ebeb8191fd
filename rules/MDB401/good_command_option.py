"""A management-command option as Django's own commands write it: `--database` defaults to
DEFAULT_DB_ALIAS and may name any alias; the block and the write both use the option, so the
rollback undoes the row wherever it was written (run with the default and with "other")."""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, transaction

from catalog.models import Publisher


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options):
        database = options["database"]
        with transaction.atomic(using=database):
            Publisher.objects.using(options.get("database")).create(name="Penguin")
            raise RuntimeError("abort the import")


def scenario():
    for args in ((), ("--database", "other")):
        try:
            call_command(Command(), *args)
        except RuntimeError:
            pass
    return Publisher.objects.using("default").count() + Publisher.objects.using("other").count()


def check(survived):
    return survived == 0
