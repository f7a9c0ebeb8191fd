"""The block that wrote the rows has exited and committed: the rows are visible on the primary,
but the replica receives them only when it has replicated the commit. With no lag (Django's test
mirror shares the primary's database) the read finds them, which is why test suites pass; with a
replica that lags (REPLICA_LAG) it does not. Reported as a read right after the write, not as an
uncommitted one."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

REPLICA_LAG = True
ORACLE = wrong_result(lambda found: found == (True, False))


def scenario():
    with transaction.atomic():
        Publisher.objects.create(name="Penguin")
    on_primary = Publisher.objects.using("default").filter(name="Penguin").exists()
    on_replica = Publisher.objects.filter(name="Penguin").exists()  # expect: MDB405
    return on_primary, on_replica
