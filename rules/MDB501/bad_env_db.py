# fixture: sample=envsite requires=environ,dj_database_url
"""The "archive" alias is django-environ's `env.db("ENVSITE_ARCHIVE_URL", default=...)`, added
with `DATABASES.update(archive=...)`: .db_manager("archiv") names no alias."""
from ledger.models import Account
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="archiv")


def scenario():
    return Account.objects.db_manager("archiv").create(name="Archived").pk  # expect: MDB501
