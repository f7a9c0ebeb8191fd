"""Look-alike of bad_cached_property_alias: the cached_property gives the primary
(settings.PRIMARY_DB), so the write through `self.database` is fine."""
from django.conf import settings
from django.utils.functional import cached_property

from catalog.models import Publisher


class PublisherImport:
    @cached_property
    def database(self):
        return settings.PRIMARY_DB

    def run(self):
        Publisher.objects.using(self.database).create(name="Penguin")


def scenario():
    PublisherImport().run()
