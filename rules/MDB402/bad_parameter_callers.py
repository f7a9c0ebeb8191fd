"""A helper's `using` parameter: every caller in the project passes the replica (one by keyword,
one through the parameter's default), so the helper's write goes there. Each call is reported, naming the helper's write."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def rename(pk, name, using="replica"):
    Publisher.objects.using(using).filter(pk=pk).update(name=name)


def scenario():
    rename(1, "Penguin", using="replica")  # expect: MDB402
    rename(2, "Faber")  # expect: MDB402
