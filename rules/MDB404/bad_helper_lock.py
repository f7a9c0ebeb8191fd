"""A helper locks a row on the alias it is given; called with "other" inside @transaction.atomic
(on "default")."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("TransactionManagementError")


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")


def lock_publisher(name, using):
    return Publisher.objects.using(using).select_for_update().get(name=name)


@transaction.atomic
def rename(name):
    publisher = lock_publisher(name, using="other")  # expect: MDB404
    publisher.name = "Renamed"
    publisher.save()


def scenario():
    rename("Publisher 0")
