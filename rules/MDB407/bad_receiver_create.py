"""A post_save receiver (connected with @receiver) records a Tag for every new publisher without
the `using` it receives: a publisher created on "other" gets its Tag on "default" (the router's
db_for_write without an instance hint)."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from catalog.models import Publisher, Tag
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda where: where == {"other": 0, "default": 1})


@receiver(post_save, sender=Publisher)
def tag_new_publisher(sender, instance, created, **kwargs):
    if created:
        Tag.objects.create(name=f"publisher:{instance.name}")  # expect: MDB407


def scenario():
    post_save.connect(tag_new_publisher, sender=Publisher)   # again for the second run (see below)
    try:
        Publisher.objects.using("other").create(name="Penguin")
    finally:   # the fixture's receivers must not outlive its scenario
        post_save.disconnect(tag_new_publisher, sender=Publisher)
    return {alias: Tag.objects.using(alias).filter(name="publisher:Penguin").count() for alias in ("other", "default")}
