"""The bookstore router writes to "default" and reads from "replica": the publisher just created
is looked up on a replica that has not received it yet."""
from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

REPLICA_LAG = True
ORACLE = wrong_result(lambda found: found is False)


def scenario():
    Publisher.objects.create(name="Penguin")
    return Publisher.objects.filter(name="Penguin").exists()  # expect: MDB405
