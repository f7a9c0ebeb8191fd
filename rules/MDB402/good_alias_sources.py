"""Look-alikes of bad_helper_alias.py, bad_setup_attribute.py, bad_manager_db.py and
bad_get_or_create_result.py: each source names the primary, or the replica only for reads."""
from catalog.models import Publisher


def writing_database():
    return "default"


def reporting_database():
    return "replica"


class PublisherCase:
    def setUp(self):
        self.database = "default"
        self.reads = "replica"

    def test_create(self):
        count = Publisher.objects.using(self.reads).count()
        Publisher.objects.using(self.database).create(name=f"Case {count}")


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    total = Publisher.objects.using(reporting_database()).count()   # read before any write (MDB405)
    Publisher.objects.using(writing_database()).create(name="Helper")
    case = PublisherCase()
    case.setUp()
    case.test_create()
    primary = Publisher.objects.db_manager("default")
    Publisher.objects.using(primary.db).create(name=f"Manager {total}")
    found, _ = Publisher.objects.using("default").get_or_create(name="Publisher 0")
    found.name = "Renamed"
    found.save(using=found._state.db)
    return Publisher.objects.using("default").filter(name="Renamed").count()


def check(result):
    return result == 1
