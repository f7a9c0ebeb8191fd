"""on_commit() without using= where "default" is in an atomic block: a bare atomic(), a bare
@transaction.atomic, and atomic(using="default") around atomic(using="other"). The callback
waits for "default"'s commit and is dropped on rollback."""
from django.db import transaction

from catalog.models import Publisher


@transaction.atomic
def import_publisher(name, events):
    Publisher.objects.create(name=name)
    transaction.on_commit(lambda: events.append("decorated callback"))
    events.append("decorated end")


def scenario():
    events = []
    with transaction.atomic():
        transaction.on_commit(lambda: events.append("callback"))
        events.append("block end")
    import_publisher("Penguin", events)
    with transaction.atomic(using="default"):
        with transaction.atomic(using="other"):
            transaction.on_commit(lambda: events.append("nested callback"))
            events.append("inner end")
        events.append("outer end")
    try:
        with transaction.atomic():
            transaction.on_commit(lambda: events.append("rolled back callback"))
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    return events


def check(events):
    return events == ["block end", "callback", "decorated end", "decorated callback",
                      "inner end", "outer end", "nested callback"]
