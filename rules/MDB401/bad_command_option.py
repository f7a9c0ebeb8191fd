"""The alias is a management-command option: `--database` may only be "other" (its choices),
and the command writes there inside a block on "default". The row survives the rollback."""
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--database", choices=["other"], default="other")

    def handle(self, *args, **options):
        with transaction.atomic(using="default"):
            Publisher.objects.using(options["database"]).create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")


def scenario():
    try:
        call_command(Command())
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
