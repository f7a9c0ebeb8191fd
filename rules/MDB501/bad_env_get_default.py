# fixture: sample=envsite requires=environ,dj_database_url
"""settings.AUDIT_DB is `os.environ.get("ENVSITE_AUDIT_DB", "archvie")`: wherever the variable
is unset the alias is the default, which DATABASES (with every conditional alias) never defines."""
from django.conf import settings

from ledger.models import Account
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="archvie")


def setup(n):
    for i in range(n):
        Account.objects.create(name=f"Account {i}")


def scenario():
    return Account.objects.using(settings.AUDIT_DB).count()  # expect: MDB501
