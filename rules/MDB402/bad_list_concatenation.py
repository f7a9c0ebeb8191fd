"""The alias list is built by concatenation (`keep + [extra]`, `[*keep, extra]`): its last item is
the replica, and the publisher written there fails (the replica is read-only)."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")

KEEP = ["default"]


def scenario():
    aliases = KEEP + ["replica"]
    spliced = [*KEEP, "replica"]
    Publisher.objects.using(aliases[0]).create(name="Penguin")
    Publisher.objects.using(spliced[1]).create(name="Faber")  # expect: MDB402
    Publisher.objects.using(aliases[-1]).create(name="Verso")  # expect: MDB402
