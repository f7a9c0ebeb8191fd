"""A post_delete receiver connected with .connect() saves a new Tag without save(using=...): the
publisher was deleted on "other", the Tag lands on "default"."""
from django.db.models.signals import post_delete

from catalog.models import Publisher, Tag
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda where: where == {"other": 0, "default": 1})


def record_deletion(sender, instance, using, **kwargs):
    tag = Tag(name=f"deleted:{instance.name}")
    tag.save()  # expect: MDB407


def scenario():
    post_delete.connect(record_deletion, sender=Publisher)
    try:
        Publisher.objects.using("other").create(name="Penguin").delete()
    finally:
        post_delete.disconnect(record_deletion, sender=Publisher)
    return {alias: Tag.objects.using(alias).filter(name="deleted:Penguin").count() for alias in ("other", "default")}
