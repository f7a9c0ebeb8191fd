"""The look-alike of a read inside the writing transaction: after the block has committed, the
replica is read for rows the block did not write (rows it held before), which it has; the rows
the block wrote are read back from the primary."""
from django.db import transaction

from catalog.models import Publisher, Tag

REPLICA_LAG = True


def setup(n):
    for i in range(n):
        Tag.objects.using("default").create(name=f"Tag {i}")


def scenario():
    with transaction.atomic():
        Publisher.objects.create(name="Penguin")
    tags = Tag.objects.filter(name__startswith="Tag").count()
    written = Publisher.objects.using("default").get(name="Penguin")
    return tags, written.name


def check(result):
    return result[1] == "Penguin" and result[0] >= 1
