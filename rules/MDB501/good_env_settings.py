# fixture: sample=envsite requires=environ,dj_database_url
"""The same setting forms with defaults DATABASES defines: `os.environ.get` (READ_DB, a
constant as the default), `os.getenv` (WRITE_DB), django-environ's `env()` with the scheme's
default (ARCHIVE_DB) and `env.str()` (HISTORY_DB), and `if`/`else` on the environment, as a
statement (EXPORT_DB: "replica" here, "replica_eu", which DATABASES adds under the same
condition, in the EU) and as an expression (STATS_DB)."""
from django.conf import settings
from django.db import transaction

from ledger.models import Account


def setup(n):
    for i in range(n):
        Account.objects.create(name=f"Account {i}")


def scenario():
    count = Account.objects.using(settings.READ_DB).count()
    count += Account.objects.using(settings.EXPORT_DB).count()
    with transaction.atomic(using=settings.WRITE_DB):
        Account.objects.using(settings.WRITE_DB).create(name="Written")
    Account.objects.db_manager(settings.ARCHIVE_DB).create(name="Archived")
    Account(name="History").save(using=settings.HISTORY_DB)
    count += Account.objects.using(settings.STATS_DB).count()
    return count


def check(count):
    return count >= 3
