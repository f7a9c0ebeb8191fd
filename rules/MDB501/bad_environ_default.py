# fixture: sample=envsite requires=environ,dj_database_url
"""settings.LEDGER_DB is django-environ's `env("ENVSITE_LEDGER_DB", default="ledger")`: the
default names no alias of DATABASES."""
from django.conf import settings

from ledger.models import Account, Entry
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="ledger")


def setup(n):
    account = Account.objects.create(name="Ada")
    for i in range(n):
        Entry.objects.create(account=account, amount=i)


def scenario():
    return sum(e.amount for e in Entry.objects.using(settings.LEDGER_DB).all())  # expect: MDB501
