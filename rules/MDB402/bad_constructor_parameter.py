"""An attribute set in __init__ from a constructor parameter: every construction of `Copier`
passes the replica as `target` (positionally and by keyword), so `copy()` writes there."""
from django.db.utils import OperationalError

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda refused: refused == 2)


class Copier:
    def __init__(self, source, target):
        self.source = source
        self.target = target

    def copy(self, name):
        Publisher.objects.using(self.target).create(name=name)  # expect: MDB402


def scenario():
    refused = 0
    for copier in (Copier("default", "replica"), Copier(source="default", target="replica")):
        try:
            copier.copy("Penguin")
        except OperationalError:
            refused += 1
    return refused
