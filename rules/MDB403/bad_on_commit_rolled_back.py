"""on_commit() without using= inside atomic(using=settings.ARCHIVE_DB): the callback (a
notification) runs even though the block rolls back."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda sent: sent == ["Penguin"])


def scenario():
    sent = []
    try:
        with transaction.atomic(using=settings.ARCHIVE_DB):
            publisher = Publisher.objects.using(settings.ARCHIVE_DB).create(name="Penguin")
            transaction.on_commit(lambda: sent.append(publisher.name))  # expect: MDB403
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return sent
