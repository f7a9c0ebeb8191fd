# fixture: sample=newsroom
"""No routers: related-manager writes with both objects on "analytics" (the managers write on the
instance's own database)."""
from django.conf import settings

from news.models import Article, Section
from staff.models import Journalist


def setup(n):
    section = Section.objects.using(settings.ANALYTICS_DB).create(name="Archive")
    Section.objects.using(settings.ANALYTICS_DB).create(name="Politics")
    author = Journalist.objects.db_manager(settings.ANALYTICS_DB).create(username="editor")
    Journalist.objects.db_manager(settings.ANALYTICS_DB).create(username="stringer")
    for i in range(n):
        Article.objects.using(settings.ANALYTICS_DB).create(title=f"Story {i}", section=section, author=author)


def scenario():
    story = Article.objects.using(settings.ANALYTICS_DB).get(title="Story 0")
    cited = Article.objects.using("analytics").get(title="Story 1")
    stringer = Journalist.objects.using(settings.ANALYTICS_DB).get(username="stringer")
    politics = Section.objects.using(settings.ANALYTICS_DB).get(name="Politics")
    story.contributors.add(stringer)
    story.related.set([cited])
    stringer.contributions.add(cited)
    politics.articles.add(story)
    return (
        sorted(stringer.contributions.values_list("title", flat=True)),
        list(politics.articles.values_list("title", flat=True)),
    )


def check(result):
    return result == (["Story 0", "Story 1"], ["Story 0"])
