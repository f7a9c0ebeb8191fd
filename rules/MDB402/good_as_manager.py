"""Look-alike of bad_as_manager.py: the as_manager() method on the replica only reads; the
delete goes through db_manager("default")."""
from catalog.models import Publisher


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    found = Publisher.objects.db_manager("replica").named("Publisher 0").count()
    Publisher.objects.db_manager("default").named("Publisher 0").delete()
    return found, Publisher.objects.using("default").filter(name="Publisher 0").count()


def check(result):
    return result == (1, 0)
