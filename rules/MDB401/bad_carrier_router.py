"""Aliases carried by Django's own objects: the block is on what router.db_for_write(Publisher)
answers ("default"), the writes on `archived.db` and `faber._state.db` ("other", where that
queryset and that instance live). Both rows survive the rollback."""
from django.db import router, transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 2)


def scenario():
    archived = Publisher.objects.using("other").filter(name__startswith="P")
    faber = Publisher.objects.using("other").create(name="Faber")
    try:
        with transaction.atomic(using=router.db_for_write(Publisher)):
            Publisher.objects.using(archived.db).create(name="Penguin")  # expect: MDB401
            Publisher(name="Verso").save(using=faber._state.db)  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name__in=["Penguin", "Verso"]).count()
