"""The atomic block's alias comes from an if/else, and neither branch is "default" (the
replica for a dry run, else a module constant naming the archive): on_commit() without
using= still acts on "default" and runs the callback at once."""
from django.conf import settings
from django.db import transaction

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda events: events == ["callback", "block end"])

ARCHIVE = "other"


def scenario(dry_run=False):
    if dry_run:
        db = settings.REPLICA_DB
    else:
        db = ARCHIVE
    events = []
    with transaction.atomic(using=db):
        transaction.on_commit(lambda: events.append("callback"))  # expect: MDB403
        events.append("block end")
    return events
