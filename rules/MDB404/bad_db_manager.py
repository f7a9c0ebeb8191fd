"""db_manager("other") then select_for_update().first(), inside atomic(using="default")."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("TransactionManagementError")


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")


def scenario():
    with transaction.atomic(using="default"):
        first = Publisher.objects.db_manager("other").select_for_update().order_by("pk").first()  # expect: MDB404
    return first.name
