"""The transaction functions told which database: on_commit(..., using=), set_rollback(...,
using=), savepoint(using=), get_autocommit(using=), with a literal, a local variable,
a module constant and settings.ARCHIVE_DB."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher

ARCHIVE = "other"


def scenario():
    events = []
    with transaction.atomic(using="other"):
        transaction.on_commit(lambda: events.append("callback"), using="other")
        events.append("block end")
    sent = []
    try:
        with transaction.atomic(using=settings.ARCHIVE_DB):
            transaction.on_commit(lambda: sent.append("mail"), using=settings.ARCHIVE_DB)
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    db = "other"
    with transaction.atomic(using=db):
        Publisher.objects.using(db).create(name="Penguin")
        sid = transaction.savepoint(using=db)
        autocommit = transaction.get_autocommit(using=db)
        transaction.set_rollback(True, using=ARCHIVE)
    return events, sent, sid is not None, autocommit, Publisher.objects.using("other").count()


def check(result):
    return result == (["block end", "callback"], [], True, False, 0)
