"""A helper takes the alias as a parameter; called with "other" inside atomic(using="default")."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def publishers(using):
    return Publisher.objects.db_manager(using)


def scenario():
    try:
        with transaction.atomic(using="default"):
            publishers("other").create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
