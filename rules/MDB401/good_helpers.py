"""Helpers and the custom manager method, on the alias of the atomic block around them."""
from django.db import transaction

from catalog.models import Person, Publisher


def publishers(using):
    return Publisher.objects.db_manager(using)


def add_publisher(name, using):
    Publisher.objects.using(using).create(name=name)


def archived_publishers():
    return Publisher.objects.using("other")


def scenario():
    try:
        with transaction.atomic(using="other"):
            publishers("other").create(name="Penguin")
            archived_publishers().create(name="Faber")
            Person.objects.archived().create(name="Ada")
            add_publisher("Verso", using="other")
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").count() + Person.objects.using("other").count()


def check(survived):
    return survived == 0
