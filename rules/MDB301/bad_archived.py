"""The custom manager method Person.objects.archived() (bound to "other"); reading each
person's created_by user queries the archive once per row."""
from django.contrib.auth.models import User

from catalog.models import Person
from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="other")


def setup(n):
    for i in range(n):
        user = User.objects.using("other").create(username=f"archivist{i}")
        Person.objects.db_manager("other").create(name=f"Person {i}", created_by=user)


def scenario():
    names = []
    for person in Person.objects.archived():
        names.append(person.created_by.username)  # expect: MDB301
    return names
