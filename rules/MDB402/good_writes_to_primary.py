"""The same writes as the bad fixtures, through aliases that accept them: "default",
settings.PRIMARY_DB, a helper taking using=, and the archive ("other")."""
from django.conf import settings

from catalog.models import Book, Publisher


def add_publisher(name, using):
    return Publisher.objects.db_manager(using).create(name=name)


def setup(n):
    for i in range(n):
        Book.objects.using("default").create(title=f"Book {i}", published="2024-01-01")


def scenario():
    Book.objects.using("default").create(title="Dune", published="1965-08-01")
    Book.objects.using(settings.PRIMARY_DB).filter(title__startswith="Book").update(published="2025-01-01")
    add_publisher("Penguin", using=settings.PRIMARY_DB)
    db = "other"
    Publisher.objects.using(db).bulk_create([Publisher(name="Faber")])
    publisher = Publisher(name="Verso")
    publisher.save(using="default")
    return Publisher.objects.using("default").count(), Publisher.objects.using("other").count()


def check(result):
    return result == (2, 1)
