"""save(using="default") of a new instance inside atomic(using="other")."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def scenario():
    publisher = Publisher(name="Penguin")
    try:
        with transaction.atomic(using="other"):
            publisher.save(using="default")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("default").filter(name="Penguin").count()
