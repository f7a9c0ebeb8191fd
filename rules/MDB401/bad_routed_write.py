"""atomic() does not consult the routers: atomic(using="other") around a plain create() that
the bookstore router sends to "default" protects nothing."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def scenario():
    try:
        with transaction.atomic(using="other"):
            Publisher.objects.create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("default").filter(name="Penguin").count()
