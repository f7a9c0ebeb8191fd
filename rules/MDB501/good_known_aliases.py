"""The same forms with aliases DATABASES defines: literals, settings.X and module constants."""
from django.conf import settings
from django.db import connections, transaction

from catalog.models import Book, Person, Publisher

ARCHIVE = "other"


def setup(n):
    for i in range(n):
        Book.objects.create(title=f"Book {i}", published="2024-01-01")


def scenario():
    count = Book.objects.using("default").count()
    count += Book.objects.using(settings.REPLICA_DB).count()
    person = Person.objects.db_manager(ARCHIVE).create(name="Ada")
    person.name = "Ada L."
    person.save(using="other")
    with transaction.atomic(using=settings.ARCHIVE_DB):
        Publisher.objects.using(ARCHIVE).create(name="Penguin")
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT 1")
    return count
