"""The look-alike of bad_update_or_create_result: update_or_create() on the primary returns an
instance whose _state.db is the primary, and saving it back there runs clean."""
from catalog.models import Publisher


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    found, _ = Publisher.objects.using("default").update_or_create(name="Publisher 0", defaults={"name": "Penguin"})
    found.name = "Faber"
    found.save(using=found._state.db)
    made = Publisher.objects.using("default").bulk_create([Publisher(name="Verso")])
    made[0].name = "Verso Books"
    made[0].save(using=made[0]._state.db)
