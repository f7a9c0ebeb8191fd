"""News models: editions, sections, articles, page views and corrections.

Page views are written to the "analytics" database; their article reference has no
database constraint because the articles live on "default".
"""
from django.conf import settings
from django.db import models


class Edition(models.Model):
    name = models.CharField(max_length=100)
    # Forward reference by bare model name within the same app.
    lead_section = models.ForeignKey(
        "Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="editions"
    )

    def __str__(self):
        return self.name


class Section(models.Model):
    name = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.name


class Article(models.Model):
    title = models.CharField(max_length=200)
    section = models.ForeignKey(Section, related_name="articles", on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    contributors = models.ManyToManyField(
        "staff.Journalist", related_name="contributions", blank=True
    )
    related = models.ManyToManyField(
        "self", symmetrical=False, related_name="cited_by", blank=True
    )

    def __str__(self):
        return self.title


class PageView(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False
    )
    viewed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"view of article #{self.article_id} at {self.viewed_at}"


class Correction(models.Model):
    article = models.OneToOneField(Article, on_delete=models.CASCADE)
    text = models.TextField()

    def __str__(self):
        return f"correction to {self.article}"
