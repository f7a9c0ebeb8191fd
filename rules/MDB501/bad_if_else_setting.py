# fixture: sample=envsite requires=environ,dj_database_url
"""settings.SEARCH_DB is `REPLICA if os.environ.get("ENVSITE_SEARCH_ON_REPLICA") else "serach"`:
one branch is a misspelt alias (every literal branch is checked), the one taken while the
variable is unset."""
from django.conf import settings

from ledger.models import Account
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="serach")


def setup(n):
    for i in range(n):
        Account.objects.create(name=f"Account {i}")


def scenario():
    return list(Account.objects.using(settings.SEARCH_DB).values_list("name", flat=True))  # expect: MDB501
