"""Book and person from the same alias, in every form: assignment, setattr, the reverse
one-to-one, the constructor and a project function."""
from django.conf import settings
from django.contrib.auth.models import User

from accounts.models import UserProfile
from catalog.models import Book, Person, Publisher

ARCHIVE = "other"


def assign_editor(book, person):
    book.editor = person
    return book


def setup(n):
    for i in range(n):
        Person.objects.using("other").create(name=f"Archivist {i}")
        Publisher.objects.using("other").create(name=f"Old house {i}")
        Book.objects.using("other").create(title=f"Archived {i}", published="2009-05-04")
        User.objects.db_manager("other").create_user(f"archived{i}")
        UserProfile.objects.using("other").create(flavor=f"flavor {i}")


def scenario():
    book = Book.objects.using("other").get(title="Archived 0")
    person = Person.objects.using(ARCHIVE).get(name="Archivist 0")
    book.editor = person
    setattr(book, "editor", person)
    assign_editor(book, person).save()

    user = User.objects.db_manager(settings.ARCHIVE_DB).get(username="archived0")
    profile = UserProfile.objects.using(settings.ARCHIVE_DB).get(flavor="flavor 0")
    user.userprofile = profile
    profile.save()

    publisher = Publisher.objects.using("other").get(name="Old house 0")
    new = Book(title="Dive", published="2009-05-04", editor=person, publisher=publisher)
    new.save()
    return book.editor_id, profile.user_id, new._state.db


def check(result):
    return result == (1, 1, "other")
