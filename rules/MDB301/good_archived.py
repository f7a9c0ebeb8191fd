"""Person.objects.archived() (bound to "other") with select_related("created_by")."""
from django.contrib.auth.models import User

from catalog.models import Person


def setup(n):
    for i in range(n):
        user = User.objects.using("other").create(username=f"archivist{i}")
        Person.objects.db_manager("other").create(name=f"Person {i}", created_by=user)


def scenario():
    names = []
    for person in Person.objects.archived().select_related("created_by"):
        names.append(person.created_by.username)
    return names
