# fixture: sample=envsite requires=environ,dj_database_url
"""settings.EXPORT_DB is set by an `if`/`else` on the environment: "replica_eu" (a TEST MIRROR
that DATABASES adds under the same condition) or "replica". Every branch is a replica, so the
save() writes to one whatever the environment says."""
from django.conf import settings

from ledger.models import Account
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    account = Account(name="Export")
    account.save(using=settings.EXPORT_DB)  # expect: MDB402
    return account.pk
