"""A helper returns a queryset bound to "other"; the create() on it runs inside a bare atomic()."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def archived_publishers():
    return Publisher.objects.using("other")


def scenario():
    try:
        with transaction.atomic():
            archived_publishers().create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
