# fixture: sample=envsite requires=environ,dj_database_url
"""The aliases of a DATABASES built from a dict of dicts keyed by constants ("default",
"replica"), by dj_database_url ("default", "history"), by django-environ's env.db() ("archive")
and by a dict comprehension ("shard_a", "shard_b"), each spelt right."""
from django.db import connections

from ledger.models import Account


def setup(n):
    for i in range(n):
        Account.objects.create(name=f"Account {i}")


def scenario():
    count = Account.objects.using("replica").count() + Account.objects.using("default").count()
    Account.objects.db_manager("archive").create(name="Archived")
    Account(name="Sharded").save(using="shard_b")
    count += Account.objects.using("shard_a").count()
    with connections["history"].cursor() as cursor:
        cursor.execute("SELECT 1")
    return count


def check(count):
    return count >= 6
