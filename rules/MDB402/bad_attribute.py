"""The replica alias lives on a service's attributes: `database` is a class attribute
(settings.REPLICA_DB), `reads` is set in __init__ of its base ("replica"). Both writes go to the
replica, which refuses them."""
from django.conf import settings

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


class Report:
    def __init__(self):
        self.reads = "replica"


class PublisherReport(Report):
    database = settings.REPLICA_DB

    def tidy(self):
        Publisher.objects.using(self.reads).filter(name="").delete()  # expect: MDB402

    def run(self):
        self.tidy()
        Publisher.objects.using(self.database).create(name="Penguin")  # expect: MDB402


def scenario():
    return PublisherReport().run()
