"""Rows written on the archive with values fetched from the archive, through every alias
source: a literal, a module constant, settings.ARCHIVE_DB, db_manager(), a helper returning
a bound queryset, Person.objects.archived() and a loop; get_or_create() defaults too."""
from django.conf import settings
from django.contrib.auth.models import User

from catalog.models import Book, Person, Pet

ARCHIVE = "other"


def archived_pets():
    return Pet.objects.using("other").order_by("name")


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Staff {i}")
        Person.objects.using(ARCHIVE).create(name=f"Archivist {i}")
        User.objects.db_manager(ARCHIVE).create_user(f"archivist{i}")


def scenario():
    editor = Person.objects.using("other").get(name="Archivist 1")
    book = Book.objects.using(ARCHIVE).create(title="Dive", published="2009-05-04", editor=editor)
    Book.objects.using(settings.ARCHIVE_DB).get_or_create(
        title="Pilgrim", defaults={"published": "2009-05-04", "editor": editor}
    )
    Pet.objects.db_manager(ARCHIVE).create(name="Fido", owner=editor)
    archived_pets().create(name="Rex", owner=Person.objects.archived().get(name="Archivist 0"))
    user = User.objects.db_manager(settings.ARCHIVE_DB).get(username="archivist2")
    Person.objects.archived().create(name="Mark", created_by=user)
    for owner in Person.objects.using(ARCHIVE).filter(name__in=["Archivist 0", "Archivist 2"])[:2]:
        Pet.objects.using(ARCHIVE).create(name=f"Pet of {owner.name}", owner=owner)
    return (
        Book.objects.using(ARCHIVE).get(pk=book.pk).editor.name,
        sorted(archived_pets().values_list("owner__name", flat=True)),
        Person.objects.using(ARCHIVE).get(name="Mark").created_by.username,
    )


def check(result):
    return result == ("Archivist 1", ["Archivist 0", "Archivist 0", "Archivist 1", "Archivist 2"], "archivist2")
