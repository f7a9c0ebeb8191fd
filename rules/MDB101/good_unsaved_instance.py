"""An unsaved instance has no database until its first relation value gives it one: Django binds
it to that value's database, so values from the archive on both sides are fine."""
from django.contrib.auth.models import User

from accounts.models import UserProfile
from catalog.models import Book, Person, Publisher


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Publisher.objects.using("other").create(name=f"Old house {i}")
        UserProfile.objects.using("other").create(flavor=f"flavor {i}")


def scenario():
    book = Book(title="Dive", published="2009-05-04")
    book.editor = Person.objects.using("other").get(name="Archivist 0")
    book.publisher = Publisher.objects.using("other").get(name="Old house 0")
    book.save()

    user = User(username="charlie")
    user.userprofile = UserProfile.objects.using("other").get(flavor="flavor 1")
    user.save()
    return book._state.db, user._state.db


def check(result):
    return result == ("other", "other")
