"""Publisher.objects.db: a manager bound to no database carries what the routers answer for
reads, "replica" in the bookstore; a write there is refused."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    database = Publisher.objects.db
    return Publisher.objects.using(database).create(name="Penguin")  # expect: MDB402
