"""Look-alike of bad_manager_self_db.py: adopt() through db_manager("default"), so its
self._db is the primary; named() (self.using(self._db)) reads on the replica."""
from catalog.models import Pet, Person


def setup(n):
    for i in range(n):
        Person.objects.using("default").create(name=f"Person {i}")


def scenario():
    owner = Person.objects.db_manager("replica").named(["Person 0"]).get()
    Person.objects.db_manager("default").adopt(owner, "Rex")
    return Pet.objects.using("default").filter(owner__name="Person 0").count()


def check(result):
    return result == 1
