"""Catalog models: people, publishers, books, tags, pets and generic reviews."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.db import models

from .managers import BookManager, BookQuerySet, PersonManager, PublisherQuerySet, tag_manager


class TimeStamped(models.Model):
    """Abstract base: creation time and the user who created the row."""

    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="%(app_label)s_%(class)s_created",
    )

    class Meta:
        abstract = True


class Person(TimeStamped):
    name = models.CharField(max_length=100, unique=True)

    objects = PersonManager()

    class Meta:
        ordering = ("name",)

    def __str__(self):
        return self.name


class Publisher(models.Model):
    name = models.CharField(max_length=100)

    objects = PublisherQuerySet.as_manager()

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    objects = tag_manager()

    def __str__(self):
        return self.name


class Book(TimeStamped):
    title = models.CharField(max_length=100)
    published = models.DateField()
    authors = models.ManyToManyField(Person)
    editor = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="edited"
    )
    publisher = models.ForeignKey(
        Publisher, null=True, blank=True, on_delete=models.CASCADE
    )
    tags = models.ManyToManyField(Tag, through="BookTag", related_name="books")
    reviews = GenericRelation("Review")

    objects = BookManager.from_queryset(BookQuerySet)()

    class Meta:
        ordering = ("title",)

    def __str__(self):
        return self.title


class BookTag(models.Model):
    """Through model for Book.tags: when a tag was put on a book."""

    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)
    added = models.DateTimeField(auto_now_add=True)


class Ebook(Book):
    """A book sold as a download (multi-table inheritance)."""

    file_size = models.IntegerField(default=0)


class BestSeller(Book):
    """Proxy over Book for the best-seller shelf."""

    class Meta:
        proxy = True


class Pet(models.Model):
    name = models.CharField(max_length=100)
    owner = models.ForeignKey(Person, on_delete=models.CASCADE)

    class Meta:
        ordering = ("name",)

    def __str__(self):
        return self.name


class Review(models.Model):
    """A review of any object (usually a Book), attached by a generic foreign key."""

    source = models.CharField(max_length=100)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    content_object = GenericForeignKey()

    class Meta:
        ordering = ("source",)

    def __str__(self):
        return self.source
