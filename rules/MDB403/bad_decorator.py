"""@transaction.atomic(using=<module constant>) and an on_commit() without using= in the body."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda sent: sent == ["Penguin"])

ARCHIVE = "other"


@transaction.atomic(using=ARCHIVE)
def import_publisher(name, sent):
    Publisher.objects.using(ARCHIVE).create(name=name)
    transaction.on_commit(lambda: sent.append(name))  # expect: MDB403
    raise RuntimeError("abort the import")


def scenario():
    sent = []
    try:
        import_publisher("Penguin", sent)
    except RuntimeError:
        pass
    return sent
