"""A class gives its alias through a cached_property reading the settings (the replica); its
method writes through `self.database`, to the replica."""
from django.conf import settings
from django.utils.functional import cached_property

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


class PublisherImport:
    @cached_property
    def database(self):
        return settings.REPLICA_DB

    def run(self):
        Publisher.objects.using(self.database).create(name="Penguin")  # expect: MDB402


def scenario():
    PublisherImport().run()
