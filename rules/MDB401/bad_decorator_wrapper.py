"""A decorator made by a project wrapper: `atomic_on("default")` returns
transaction.atomic(using="default"), so the decorated function runs in a block on "default"
while it writes to "other": the rollback does not undo that row."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def atomic_on(alias):
    return transaction.atomic(using=alias)


@atomic_on("default")
def archive(name):
    Publisher.objects.using("other").create(name=name)  # expect: MDB401
    raise RuntimeError("abort the import")


def scenario():
    try:
        archive("Penguin")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
