"""A related manager's db_manager("replica").create(): Django's related manager picks the database
for create() itself (db_for_write with the instance hint), so the row goes to "default"."""
from catalog.models import Person, Pet


def setup(n):
    for i in range(n):
        Person.objects.using("default").create(name=f"Person {i}")


def scenario():
    person = Person.objects.using("default").get(name="Person 0")
    person.pet_set.db_manager("replica").create(name="Rex")
    return Pet.objects.using("default").filter(name="Rex").count()


def check(saved):
    return saved == 1
