"""A manager's `.db`: db_manager("replica") is bound to the replica, so its `.db` is "replica"."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def scenario():
    reports = Publisher.objects.db_manager("replica")
    Publisher.objects.using(reports.db).create(name="Penguin")  # expect: MDB402
