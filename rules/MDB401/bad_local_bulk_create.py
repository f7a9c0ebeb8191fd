"""bulk_create() through a local variable naming "other", inside atomic(using="default")."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 2)


def scenario():
    db = "other"
    try:
        with transaction.atomic(using="default"):
            Publisher.objects.using(db).bulk_create([Publisher(name="Penguin"), Publisher(name="Faber")])  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").count()
