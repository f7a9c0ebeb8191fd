"""A helper returns the alias itself (a string): the replica. The write through it goes there."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def reporting_database():
    return "replica"


def scenario():
    Publisher.objects.using(reporting_database()).create(name="Penguin")  # expect: MDB402
