"""Look-alike of bad_command_option.py: the command reads from the option's alias (the replica by
default) and writes through the primary."""
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalog.models import Publisher


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--database", choices=["replica"], default="replica")

    def handle(self, *args, **options):
        count = Publisher.objects.using(options["database"]).count()
        Publisher.objects.using("default").create(name=f"Counted {count}")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    call_command(Command())
    return Publisher.objects.using("default").filter(name__startswith="Counted").count()


def check(result):
    return result == 1
