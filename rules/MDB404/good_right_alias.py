"""select_for_update() inside an atomic block on the database it locks: "other" named by the
block and the queryset, a routed queryset (db_for_write: "default") under a bare atomic(), and
a queryset built outside the block but evaluated inside it."""
from django.conf import settings
from django.db import transaction

from catalog.models import Publisher


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def lock_publisher(name, using):
    return Publisher.objects.using(using).select_for_update().get(name=name)


def scenario():
    with transaction.atomic(using=settings.ARCHIVE_DB):
        archived = Publisher.objects.using("other").select_for_update().get(name="Publisher 0")
        again = lock_publisher("Publisher 1", using="other")
    with transaction.atomic():
        routed = Publisher.objects.select_for_update().order_by("pk").first()
    locked = Publisher.objects.db_manager("other").select_for_update().filter(name="Publisher 2")
    with transaction.atomic(using="default"), transaction.atomic(using="other"):
        names = [p.name for p in locked]
    return archived.name, again.name, routed.name, names


def check(result):
    return result == ("Publisher 0", "Publisher 1", "Publisher 0", ["Publisher 2"])
