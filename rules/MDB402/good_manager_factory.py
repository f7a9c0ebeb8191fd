"""Look-alike of bad_manager_factory.py: the factory-made manager's method through
db_manager("default") writes to the primary."""
from catalog.models import Tag


def setup(n):
    for i in range(n):
        Tag.objects.using("default").create(name=f"tag{i}")


def scenario():
    Tag.objects.db_manager("default").named("tag0").update(name="classic")
    return Tag.objects.using("default").filter(name="classic").count()


def check(result):
    return result == 1
