"""`&` of a queryset on "other" (the custom manager) with one pinned to "default": the
combination runs on "other" and filters the archive by the primary's condition."""
from catalog.models import Person

from mdblint.runtime.oracles import wrong_result

# Nobody on the primary is called "Archived 0", yet the intersection finds that name.
ORACLE = wrong_result(lambda names: names == ["Archived 0"])


def setup(n):
    for i in range(n):
        Person.objects.create(name=f"Editor {i}")
        Person.objects.using("other").create(name=f"Archived {i}")


def scenario():
    archived = Person.objects.archived().filter(name__endswith="0")
    current = Person.objects.using("default").filter(name__endswith="0")
    return list((archived & current).values_list("name", flat=True))  # expect: MDB203
