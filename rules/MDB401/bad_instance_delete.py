"""delete() of an instance loaded from "other" (the router keeps its writes there) inside a
bare atomic(): the rollback does not bring the row back."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda still_there: still_there is False)


def setup(n):
    for i in range(n):
        Publisher.objects.using("other").create(name=f"Publisher {i}")


def scenario():
    publisher = Publisher.objects.using("other").get(name="Publisher 0")
    try:
        with transaction.atomic():
            publisher.delete()  # expect: MDB401
            raise RuntimeError("abort the clean-up")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Publisher 0").exists()
