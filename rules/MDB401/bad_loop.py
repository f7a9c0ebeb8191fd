"""Saving instances loaded from "other" in a loop (the router keeps their writes on "other")
inside atomic(using="default"): the rollback leaves them renamed."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda renamed: renamed > 0)


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")


def scenario():
    try:
        with transaction.atomic(using="default"):
            for publisher in Publisher.objects.using("other"):
                publisher.name = "Renamed"
                publisher.save()  # expect: MDB401
            raise RuntimeError("abort the rename")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Renamed").count()
