"""atomic(using=DEFAULT_DB_ALIAS) is Django's own name for "default"; the write goes to "other"
and survives the rollback."""
from django.db import DEFAULT_DB_ALIAS, transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def scenario():
    try:
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            Publisher.objects.using("other").create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
