"""Writes to two databases under an atomic block on each (two with-items, and nested with
statements): the rollback undoes both."""
from django.db import transaction

from catalog.models import Person, Publisher


def scenario():
    try:
        with transaction.atomic(using="default"), transaction.atomic(using="other"):
            Publisher.objects.using("default").create(name="Penguin")
            Publisher.objects.using("other").create(name="Penguin")
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    try:
        with transaction.atomic(using="other"):
            with transaction.atomic():
                Person.objects.create(name="Ada")        # routed to "default"
                Person.objects.archived().create(name="Ada")
                raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return (Publisher.objects.using("default").count() + Publisher.objects.using("other").count()
            + Person.objects.using("default").count() + Person.objects.using("other").count())


def check(survived):
    return survived == 0
