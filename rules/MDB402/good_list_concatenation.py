"""The look-alike of bad_list_concatenation: the alias list is built by concatenation, and the
writes use its primary item (`default`), never the replica."""
from catalog.models import Publisher

KEEP = ["default"]


def scenario():
    aliases = KEEP + ["replica"]
    spliced = [*KEEP, "replica"]
    Publisher.objects.using(aliases[0]).create(name="Penguin")
    Publisher.objects.using(spliced[0]).create(name="Faber")
    Publisher.objects.using(aliases[-2]).create(name="Verso")
    assert Publisher.objects.using(aliases[1]).filter(name="Penguin").count() in (0, 1)
