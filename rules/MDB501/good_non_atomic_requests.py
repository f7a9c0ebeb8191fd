"""non_atomic_requests(using=...) with an alias DATABASES defines: the view runs outside a transaction."""
from django.core.handlers.base import BaseHandler
from django.db import connection, transaction


@transaction.non_atomic_requests(using="default")
def export(request):
    return connection.in_atomic_block


def scenario():
    connection.settings_dict["ATOMIC_REQUESTS"] = True
    try:
        return BaseHandler().make_view_atomic(export)(None)
    finally:
        connection.settings_dict["ATOMIC_REQUESTS"] = False


def check(in_transaction):
    return in_transaction is False
