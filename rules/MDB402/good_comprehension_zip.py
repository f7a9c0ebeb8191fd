"""The look-alike of bad_comprehension_zip: the comprehension and zip() carry the primary, and
every write through them lands there."""
from catalog.models import Publisher

WRITES = ("default",)


def scenario():
    chosen = [alias for alias in WRITES]
    Publisher.objects.using(chosen[0]).create(name="Penguin")
    for name, alias in zip(["Faber"], WRITES):
        Publisher.objects.using(alias).create(name=name)
