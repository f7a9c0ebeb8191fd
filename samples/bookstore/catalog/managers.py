"""Custom managers and querysets for the catalog app."""
from django.db import models


class PersonManager(models.Manager):
    """Manager for authors and editors."""

    def by_name(self, name):
        """People with exactly this name (at most one: names are unique)."""
        return self.get_queryset().filter(name=name)

    def archived(self):
        """People kept in the archive database."""
        return self.get_queryset().using("other")

    def named(self, names):
        """People with one of these names, on this manager's own database."""
        return self.using(self._db).filter(name__in=names)

    def adopt(self, owner, pet_name):
        """A new pet of `owner`, created on this manager's database (none bound: the routers')."""
        from .models import Pet

        return Pet.objects.using(self._db).create(name=pet_name, owner=owner)


class BookQuerySet(models.QuerySet):
    """Chainable filters for books."""

    def published_before(self, date):
        return self.filter(published__lt=date)

    def published_after(self, date):
        return self.filter(published__gt=date)

    def by_author(self, name):
        return self.filter(authors__name=name)

    def recent(self, since):
        """Books published since `since`: starts again from Book.objects, so the routers pick
        the database, whatever the queryset or manager it is called on is bound to."""
        from .models import Book

        return Book.objects.filter(published__gte=since)


class BookManager(models.Manager):
    """Book manager; ``create()`` tolerates an ``extra_arg`` used by old callers."""

    def create(self, *args, extra_arg=None, **kwargs):
        return super().create(*args, **kwargs)

    def get_or_create(self, *args, extra_arg=None, **kwargs):
        return super().get_or_create(*args, **kwargs)


class PublisherQuerySet(models.QuerySet):
    """Publishers' filters, their manager made by ``PublisherQuerySet.as_manager()``."""

    def named(self, name):
        return self.filter(name=name)


class TagQuerySet(models.QuerySet):
    """Tags' filters, their manager made by the factory tag_manager()."""

    def named(self, name):
        return self.filter(name=name)


def tag_manager():
    """A manager factory: a plain manager with TagQuerySet's methods."""
    return models.Manager.from_queryset(TagQuerySet)()
