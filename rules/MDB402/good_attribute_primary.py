"""Look-alikes of bad_attribute.py and bad_carrier.py: the service reads through its replica
attribute and writes through its primary one; the write goes where a router's db_for_write
sends it, and a queryset's `.db` from the primary is the primary."""
from django.db import router

from catalog.models import Publisher


class Report:
    def __init__(self):
        self.reads = "replica"
        self.writes = "default"


class PublisherReport(Report):
    def run(self):
        count = Publisher.objects.using(self.reads).count()
        Publisher.objects.using(self.writes).create(name=f"Penguin {count}")
        fresh = Publisher.objects.using("default").filter(name__startswith="P")
        Publisher.objects.using(fresh.db).create(name="Faber")
        Publisher.objects.using(router.db_for_write(Publisher)).create(name="Verso")


def scenario():
    PublisherReport().run()
    return Publisher.objects.using("default").filter(name__in=["Penguin 0", "Faber", "Verso"]).count()


def check(result):
    return result == 3
