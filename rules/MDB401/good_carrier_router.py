"""The routers send an instance's writes back to its own database: the block is on
router.db_for_write(Publisher, instance=faber), "other" for an instance read from "other", and
the writes go to `faber._state.db` and `archived.db`, "other" too. The rollback undoes them."""
from django.db import router, transaction

from catalog.models import Publisher


def scenario():
    archived = Publisher.objects.using("other").filter(name__startswith="P")
    faber = Publisher.objects.using("other").create(name="Faber")
    try:
        with transaction.atomic(using=router.db_for_write(Publisher, instance=faber)):
            Publisher.objects.using(archived.db).create(name="Penguin")
            Publisher(name="Verso").save(using=faber._state.db)
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").count()


def check(survived):
    return survived == 1
