"""A helper returns a locked queryset bound to settings.ARCHIVE_DB ("other"); it is iterated
inside a bare atomic()."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("TransactionManagementError")


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")


def archived_for_update():
    return Publisher.objects.using(settings.ARCHIVE_DB).select_for_update()


def scenario():
    with transaction.atomic():
        for publisher in archived_for_update():  # expect: MDB404
            publisher.name = publisher.name.upper()
    return None
