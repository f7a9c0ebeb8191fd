"""Person.objects.archived() is bound to "other"; create() there is given the creating user
read from the primary (created_by, a ForeignKey inherited from an abstract base)."""
from django.contrib.auth.models import User

from catalog.models import Person
from mdblint.runtime.oracles import wrong_result

# (username of created_by as the archive sees it, username of the intended user)
ORACLE = wrong_result(lambda r: r[0] != r[1])


def setup(n):
    for i in range(n):
        User.objects.db_manager("default").create_user(f"staff{i}")
        User.objects.db_manager("other").create_user(f"archivist{i}")


def scenario():
    user = User.objects.db_manager("default").get(username="staff2")
    person = Person.objects.archived().create(name="Mark", created_by=user)  # expect: MDB104
    return Person.objects.using("other").get(pk=person.pk).created_by.username, user.username
