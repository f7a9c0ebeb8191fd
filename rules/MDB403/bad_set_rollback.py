"""set_rollback(True) without using= inside atomic(using="other") acts on "default", which is
not in an atomic block."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("TransactionManagementError", match="outside of an 'atomic' block")


def scenario():
    with transaction.atomic(using="other"):
        Publisher.objects.using("other").create(name="Penguin")
        transaction.set_rollback(True)  # expect: MDB403
    return Publisher.objects.using("other").count()
