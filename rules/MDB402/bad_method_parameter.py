"""A method's parameter: every call of `store()` in the project passes the replica (through
`self.store(...)` and `Importer.store(self, ...)`), so its write goes there, which refuses it."""
from django.db.utils import OperationalError

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda refused: refused == 2)


class Importer:
    def store(self, name, alias):
        Publisher.objects.using(alias).create(name=name)  # expect: MDB402

    def run(self):
        self.store("Penguin", "replica")


class MirrorImporter(Importer):
    def run(self):
        Importer.store(self, "Faber", alias="replica")


def scenario():
    refused = 0
    for importer in (Importer(), MirrorImporter()):
        try:
            importer.run()
        except OperationalError:
            refused += 1
    return refused
