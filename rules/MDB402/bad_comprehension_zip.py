"""Aliases carried by a comprehension's result and by zip(): the list comprehension over the read
aliases, the dict comprehension of querysets keyed by alias and zip(names, aliases) all hold only
the replica, and every write through them fails (the replica is read-only)."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")

READS = ("replica",)


def scenario():
    chosen = [alias for alias in READS]
    Publisher.objects.using(chosen[0]).create(name="Penguin")  # expect: MDB402
    for name, alias in zip(["Faber"], READS):
        Publisher.objects.using(alias).create(name=name)  # expect: MDB402
