# fixture: sample=envsite requires=environ,dj_database_url
"""settings.REPORTS_DB is `os.getenv("ENVSITE_REPORTS_DB", default="reports")`: a literal default
that is not in DATABASES; entering the atomic block raises wherever the variable is unset."""
from django.conf import settings
from django.db import transaction

from ledger.models import Account
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="reports")


def scenario():
    with transaction.atomic(using=settings.REPORTS_DB):  # expect: MDB501
        Account.objects.create(name="Reports")
    return Account.objects.count()
