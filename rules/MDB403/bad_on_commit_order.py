"""on_commit() without using= inside atomic(using="other"): "default" is in autocommit, so
the callback runs at once, before the block (and its write on "other") commits."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda events: events.index("callback") < events.index("block end"))


def scenario():
    events = []
    with transaction.atomic(using="other"):
        Publisher.objects.using("other").create(name="Penguin")
        transaction.on_commit(lambda: events.append("callback"))  # expect: MDB403
        events.append("block end")
    events.append("after commit")
    return events
