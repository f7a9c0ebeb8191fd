"""non_atomic_requests(using=...) naming an alias DATABASES lacks: Django raises nothing, the
decorator just never matches, and the view keeps running inside ATOMIC_REQUESTS' transaction."""
from django.core.handlers.base import BaseHandler
from django.db import connection, transaction

from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda in_transaction: in_transaction is True)


@transaction.non_atomic_requests(using="defualt")  # expect: MDB501
def export(request):
    return connection.in_atomic_block


def scenario():
    connection.settings_dict["ATOMIC_REQUESTS"] = True
    try:
        return BaseHandler().make_view_atomic(export)(None)
    finally:
        connection.settings_dict["ATOMIC_REQUESTS"] = False
