"""Tag.objects is made by the factory tag_manager() (Manager.from_queryset(TagQuerySet)()): its
method named() called through db_manager("replica") keeps the replica, then update()."""
from catalog.models import Tag
from mdblint.runtime.oracles import raises

ORACLE = raises("OperationalError", match="readonly")


def setup(n):
    for i in range(n):
        Tag.objects.using("default").create(name=f"tag{i}")


def scenario():
    return Tag.objects.db_manager("replica").named("tag0").update(name="classic")  # expect: MDB402
