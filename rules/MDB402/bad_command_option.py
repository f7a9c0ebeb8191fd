"""The alias is a management-command option whose only choice (and default) is the replica: the
command's write goes there, and the replica refuses it."""
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--database", choices=["replica"], default="replica")

    def handle(self, *args, **options):
        Publisher.objects.using(options["database"]).filter(name="").update(name="Unknown")  # expect: MDB402


def scenario():
    call_command(Command())
