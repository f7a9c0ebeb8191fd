"""select_related("owner__created_by") joins both hops of the chain, and select_related("editor")
alone is enough to read the editor's own columns."""
from django.contrib.auth.models import User

from catalog.models import Book, Person, Pet


def setup(n):
    for i in range(n):
        user = User.objects.create(username=f"clerk{i}")
        owner = Person.objects.create(name=f"Owner {i}", created_by=user)
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        Book.objects.create(title=f"Book {i}", published="2024-01-01", editor=owner)


def scenario():
    users = []
    for pet in Pet.objects.select_related("owner__created_by"):
        users.append(pet.owner.created_by.username)
    editors = [book.editor.name for book in Book.objects.select_related("editor")]
    return users, editors
