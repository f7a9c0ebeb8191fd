"""The aliases live on a service's attributes: `database` is a class attribute (settings.ARCHIVE_DB,
"other"), `primary` is set in __init__ of its base ("default"). The block is on "default", the
write on "other": the row survives the rollback."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


class Job:
    def __init__(self):
        self.primary = "default"


class ArchiveJob(Job):
    database = settings.ARCHIVE_DB

    def run(self):
        with transaction.atomic(using=self.primary):
            Publisher.objects.using(self.database).create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")


def scenario():
    try:
        ArchiveJob().run()
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
