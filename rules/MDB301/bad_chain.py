"""select_related("owner") joins the owner, but not the owner's created_by user: reading
pet.owner.created_by queries once per pet."""
from django.contrib.auth.models import User

from catalog.models import Person, Pet
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        user = User.objects.create(username=f"clerk{i}")
        owner = Person.objects.create(name=f"Owner {i}", created_by=user)
        Pet.objects.create(name=f"Pet {i}", owner=owner)


# fix: select_related("owner", "owner__created_by")
def scenario():
    names = []
    for pet in Pet.objects.select_related("owner"):
        names.append(pet.owner.created_by.username)  # expect: MDB301
    return names
