"""The instance update_or_create() returns lives where its queryset is bound (the replica): saving it
back with using=its _state.db writes to the replica. (update_or_create() itself writes there too.)"""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    publisher = Publisher.objects.using("replica").get(name="Publisher 0")
    found, _ = Publisher.objects.using("replica").update_or_create(pk=publisher.pk, defaults={"name": "Penguin"})  # expect: MDB402
    found.name = "Faber"
    found.save(using=found._state.db)  # expect: MDB402
