"""An attribute set through a `super().__init__` chain: `MirrorCopier` passes the replica up
to `Copier.__init__`, which stores it on `self.target`; `copy()` writes there."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


class Copier:
    def __init__(self, source, target):
        self.source = source
        self.target = target

    def copy(self, name):
        Publisher.objects.using(self.target).create(name=name)  # expect: MDB402


class ReportCopier(Copier):
    def __init__(self, target):
        super().__init__("default", target)


class MirrorCopier(ReportCopier):
    def __init__(self):
        super().__init__(target="replica")


def scenario():
    MirrorCopier().copy("Penguin")
