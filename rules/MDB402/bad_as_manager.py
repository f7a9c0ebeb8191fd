"""Publisher.objects is PublisherQuerySet.as_manager(): its method named() called through
db_manager("replica") keeps the replica, then delete()."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    return Publisher.objects.db_manager("replica").named("Publisher 0").delete()  # expect: MDB402
