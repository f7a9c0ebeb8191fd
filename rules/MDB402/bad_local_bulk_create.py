"""bulk_create() through a local variable naming the replica."""
from catalog.models import Publisher

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    db = "replica"
    return Publisher.objects.using(db).bulk_create([Publisher(name="Penguin"), Publisher(name="Faber")])  # expect: MDB402
