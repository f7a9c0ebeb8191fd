"""atomic(using="other") around a write that goes to "default" (a literal .using()): the
rollback undoes nothing on "default", and the row survives."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def scenario():
    try:
        with transaction.atomic(using="other"):
            Publisher.objects.using("default").create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("default").filter(name="Penguin").count()
