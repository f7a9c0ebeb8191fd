"""transaction.atomic(using=...) naming an alias DATABASES lacks; the alias is a module constant."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="archive")

ARCHIVE = "archive"


def scenario():
    with transaction.atomic(using=ARCHIVE):  # expect: MDB501
        Publisher.objects.create(name="Penguin")
