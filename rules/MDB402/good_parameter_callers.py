"""Look-alike of bad_parameter_callers.py: the helper's default is the replica, but every caller
passes the primary, so the write never reaches the replica."""
from catalog.models import Publisher


def rename(pk, name, using="replica"):
    Publisher.objects.using(using).filter(pk=pk).update(name=name)


def setup(n):
    for i in range(n):
        Publisher.objects.using("default").create(name=f"Publisher {i}")


def scenario():
    first = Publisher.objects.using("default").order_by("pk").first()
    rename(first.pk, "Penguin", using="default")
    return Publisher.objects.using("default").filter(name="Penguin").count()


def check(result):
    return result == 1
