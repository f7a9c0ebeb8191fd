"""A write through a helper-free update() and save(), then a count() and a get() routed to the
replica: both read the rows as they were."""
from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

REPLICA_LAG = True
ORACLE = wrong_result(lambda result: result == (0, "Publisher 0"))


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    Publisher.objects.filter(name__startswith="Publisher").update(name="Renamed")
    renamed = Publisher.objects.filter(name="Renamed").count()  # expect: MDB405
    first = Publisher.objects.using("replica").get(pk=1)  # expect: MDB405
    return renamed, first.name
