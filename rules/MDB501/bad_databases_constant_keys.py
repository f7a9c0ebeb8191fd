# fixture: sample=envsite requires=environ,dj_database_url
"""DATABASES is `dict(_SERVERS)` where _SERVERS is keyed by constants (`REPLICA = "replica"`):
mdblint reads its aliases, so a misspelt one is found."""
from ledger.models import Account
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="replcia")


def setup(n):
    for i in range(n):
        Account.objects.create(name=f"Account {i}")


def scenario():
    return Account.objects.using("replcia").count()  # expect: MDB501
