"""The alias is "default" on one branch and "other" on the other; atomic() covers the branch
this code takes ("default"), so mdblint cannot prove a mismatch and reports nothing."""
from django.db import transaction

from catalog.models import Publisher


def scenario(archive=False):
    db = "other" if archive else "default"
    try:
        with transaction.atomic():
            Publisher.objects.using(db).create(name="Penguin")
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("default").count() + Publisher.objects.using("other").count()


def check(survived):
    return survived == 0
