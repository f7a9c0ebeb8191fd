"""Every loop form over a queryset that joins the relation it reads."""
from django.contrib.auth.models import User

from accounts.models import Subscription, UserProfile
from catalog.models import Book, Person, Pet, Publisher


def setup(n):
    for i in range(n):
        user = User.objects.create(username=f"reader{i}")
        profile = UserProfile.objects.create(user=user, flavor="vanilla")
        Subscription.objects.create(profile=profile)
        owner = Person.objects.create(name=f"Owner {i}")
        Pet.objects.create(name=f"Pet {i}", owner=owner)
        publisher = Publisher.objects.create(name=f"Publisher {i}")
        Book.objects.create(title=f"Book {i}", published="2024-01-01", publisher=publisher, editor=owner)


def scenario():
    owners = [pet.owner.name for pet in Pet.objects.select_related("owner")]
    editors = {book.editor.name for book in Book.objects.select_related("editor")}
    users = {profile.pk: profile.user.username for profile in UserProfile.objects.select_related("user")}
    publishers = ", ".join(book.publisher.name for book in Book.objects.select_related("publisher"))
    total = sum(len(pet.owner.name) for pet in Pet.objects.select_related("owner"))
    chocolate = any(
        sub.profile.user.username == "nobody" for sub in Subscription.objects.select_related("profile__user")
    )
    return owners, editors, users, publishers, total, chocolate
