# fixture: sample=envsite requires=environ,dj_database_url
"""Writes through settings read from the environment with a primary as the default:
`os.getenv("ENVSITE_WRITE_DB", PRIMARY)`, and STATS_DB (`"history" if ... else PRIMARY`),
both of whose arms are writable."""
from django.conf import settings

from ledger.models import Account


def scenario():
    Account(name="Written").save(using=settings.WRITE_DB)
    Account.objects.using(settings.STATS_DB).create(name="Stats")
    return Account.objects.using(settings.WRITE_DB).count()


def check(count):
    return count >= 1
