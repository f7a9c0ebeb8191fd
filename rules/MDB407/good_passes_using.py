"""Receivers that pass on the `using` they receive (a parameter, or kwargs["using"]), and one that
writes through the instance's related manager (Django routes it with the instance as hint): every
row lands beside the publisher, on "other"."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from catalog.models import Person, Pet, Publisher, Tag


@receiver(post_save, sender=Publisher)
def tag_new_publisher(sender, instance, created, using, **kwargs):
    if created:
        Tag.objects.using(using).create(name=f"publisher:{instance.name}")
        Tag.objects.db_manager(kwargs.get("using", using)).get_or_create(name="publishers")


def record_deletion(sender, instance, **kwargs):
    Tag(name=f"deleted:{instance.name}").save(using=kwargs["using"])


@receiver(post_save, sender=Person)
def welcome_pet(sender, instance, created, **kwargs):
    if created:
        instance.pet_set.create(name="Rex")


def scenario():
    post_save.connect(tag_new_publisher, sender=Publisher)
    post_save.connect(welcome_pet, sender=Person)
    post_delete.connect(record_deletion, sender=Publisher)
    try:
        Publisher.objects.using("other").create(name="Penguin").delete()
        Person.objects.using("other").create(name="Ada")
    finally:
        post_save.disconnect(tag_new_publisher, sender=Publisher)
        post_save.disconnect(welcome_pet, sender=Person)
        post_delete.disconnect(record_deletion, sender=Publisher)
    return (Tag.objects.using("other").count(), Pet.objects.using("other").count(),
            Tag.objects.using("default").count() + Pet.objects.using("default").count())


def check(result):
    return result == (3, 1, 0)
