"""Look-alike of bad_routed_manager_db.py: Publisher.objects.db (the routers' read answer,
"replica") used for a read; the write goes through the router."""
from catalog.models import Publisher


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    database = Publisher.objects.db
    total = Publisher.objects.using(database).count()
    Publisher.objects.create(name=f"Publisher {total}")
    return Publisher.objects.using("default").count()


def check(result):
    return result > 1
