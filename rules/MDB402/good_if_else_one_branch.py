"""The alias is the replica on one branch only (a dry run that is never a write path here);
mdblint cannot prove the write goes to the replica, and this run writes to "default"."""
from catalog.models import Publisher


def scenario(dry_run=False):
    db = "replica" if dry_run else "default"
    publisher = Publisher(name="Penguin")
    publisher.save(using=db)
    return Publisher.objects.using("default").filter(name="Penguin").count()


def check(saved):
    return saved == 1
