"""Both branches pick the archive ("other": a module constant or settings.ARCHIVE_DB), and the
atomic block is on "default"."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)

ARCHIVE = "other"


def scenario(legacy=False):
    if legacy:
        db = ARCHIVE
    else:
        db = settings.ARCHIVE_DB
    try:
        with transaction.atomic():
            Publisher.objects.using(db).create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
