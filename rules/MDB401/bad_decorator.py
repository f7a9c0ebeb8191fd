"""@transaction.atomic(using=<module constant>) on a function whose write is routed to "default"."""
from django.db import transaction

from catalog.models import Person
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)

ARCHIVE = "other"


@transaction.atomic(using=ARCHIVE)
def import_author(name):
    person = Person(name=name)
    person.save()  # expect: MDB401
    raise RuntimeError("abort the import")


def scenario():
    try:
        import_author("Ada")
    except RuntimeError:
        pass
    return Person.objects.using("default").filter(name="Ada").count()
