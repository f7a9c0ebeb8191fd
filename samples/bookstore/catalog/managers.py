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


class BookQuerySet(models.QuerySet):
    """Chainable filters for books."""

    def published_before(self, date):
        return self.filter(published__lt=date)

    def published_after(self, date):
        return self.filter(published__gt=date)

    def by_author(self, name):
        return self.filter(authors__name=name)


class BookManager(models.Manager):
    """Book manager; ``create()`` tolerates an ``extra_arg`` used by old callers."""

    def create(self, *args, extra_arg=None, **kwargs):
        return super().create(*args, **kwargs)

    def get_or_create(self, *args, extra_arg=None, **kwargs):
        return super().get_or_create(*args, **kwargs)
