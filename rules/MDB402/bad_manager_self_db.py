"""PersonManager.adopt() creates the pet with Pet.objects.using(self._db): through
db_manager("replica") its self._db is the replica."""
from catalog.models import Person
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Person.objects.using("default").create(name=f"Person {i}")


def scenario():
    owner = Person.objects.using("default").get(name="Person 0")
    return Person.objects.db_manager("replica").adopt(owner, "Rex")  # expect: MDB402
