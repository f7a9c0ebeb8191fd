"""get_autocommit() without using= inside atomic(using="other") reports "default"'s state:
True, although "other" is inside a transaction."""
from django.db import transaction

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda autocommit: autocommit is True)


def scenario():
    db = "other"
    with transaction.atomic(using=db):
        return transaction.get_autocommit()  # expect: MDB403
