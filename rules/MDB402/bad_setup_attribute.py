"""A test-style class sets its alias in setUp(); its test method writes through it, to the replica."""
from catalog.models import Publisher
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


class PublisherCase:
    def setUp(self):
        self.database = "replica"

    def test_create(self):
        Publisher.objects.using(self.database).create(name="Penguin")  # expect: MDB402


def scenario():
    case = PublisherCase()
    case.setUp()
    case.test_create()
