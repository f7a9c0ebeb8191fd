"""A custom manager method (Person.objects.by_name()) on a manager bound to the replica, then update()."""
from catalog.models import Person

from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Person.objects.using("default").create(name=f"Person {i}")


def scenario():
    return Person.objects.db_manager("replica").by_name("Person 0").update(name="Ada")  # expect: MDB402
