"""Person.objects.archived() is bound to "other"; atomic(using=settings.PRIMARY_DB) does not cover it."""
from django.conf import settings
from django.db import transaction

from catalog.models import Person
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def scenario():
    try:
        with transaction.atomic(using=settings.PRIMARY_DB):
            Person.objects.archived().create(name="Ada")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Person.objects.using("other").filter(name="Ada").count()
