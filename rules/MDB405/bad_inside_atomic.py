"""Inside the transaction that wrote them, the rows are not committed: the replica (a mirror of
"default", as in Django's test runner) cannot see them, even without replication lag."""
import datetime

from django.conf import settings
from django.db import transaction

from catalog.models import Book, Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda names: names == [])


def scenario():
    with transaction.atomic():
        publisher = Publisher.objects.create(name="Penguin")
        Book.objects.create(title="Dune", publisher=publisher, published=datetime.date(1965, 8, 1))
        names = [b.title for b in Book.objects.using(settings.REPLICA_DB).filter(publisher__name="Penguin")]  # expect: MDB405
    return names
