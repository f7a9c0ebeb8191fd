"""The atomic block's alias is "default" on one branch: mdblint cannot prove that on_commit()
acts on another database than the block's, and this run takes the "default" branch."""
from django.db import transaction


def scenario(archive=False):
    db = "other" if archive else "default"
    events = []
    with transaction.atomic(using=db):
        transaction.on_commit(lambda: events.append("callback"))
        events.append("block end")
    return events


def check(events):
    return events == ["block end", "callback"]
