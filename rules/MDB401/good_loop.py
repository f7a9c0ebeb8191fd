"""Instances loaded from "other" and saved in a loop inside atomic(using="other"): the router
keeps their writes there, and the rollback undoes them."""
from django.db import transaction

from catalog.models import Publisher


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")


def scenario():
    try:
        with transaction.atomic(using="other"):
            for publisher in Publisher.objects.using("other").order_by("pk")[:2]:
                publisher.name = "Renamed"
                publisher.save()
            raise RuntimeError("abort the rename")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Renamed").count()


def check(renamed):
    return renamed == 0
