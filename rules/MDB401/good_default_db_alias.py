"""The same alias spelled two ways: atomic(using="default") around writes to
django.db.DEFAULT_DB_ALIAS; the rollback undoes them."""
import django.db
from django.db import DEFAULT_DB_ALIAS, transaction

from catalog.models import Publisher


def scenario():
    try:
        with transaction.atomic(using="default"):
            Publisher.objects.using(DEFAULT_DB_ALIAS).create(name="Penguin")
            Publisher(name="Faber").save(using=django.db.DEFAULT_DB_ALIAS)
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("default").count()


def check(survived):
    return survived == 0
