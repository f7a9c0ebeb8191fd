"""Ledger services: application code reading its aliases from the environment-driven settings.

Two of them are wrong in every environment where the variables are unset, the way deployed
projects get them wrong: an audit query on a misspelt default alias, and an export that writes
through settings.EXPORT_DB, which is a replica on every branch of its `if`/`else`.
"""
from django.conf import settings

from ledger.models import Account, Entry


def audit_count():
    return Account.objects.using(settings.AUDIT_DB).count()  # expect: MDB501


def record_export(name):
    account = Account(name=name)
    account.save(using=settings.EXPORT_DB)  # expect: MDB402
    return account


def post(account, amount):
    """Right: writes go to settings.WRITE_DB, whose default is the primary."""
    return Entry.objects.using(settings.WRITE_DB).create(account=account, amount=amount)


def balances():
    """Right: reads from settings.READ_DB (the replica by default) and keeps the rows there."""
    return {a.name: sum(e.amount for e in a.entries.all())
            for a in Account.objects.using(settings.READ_DB).prefetch_related("entries")}
