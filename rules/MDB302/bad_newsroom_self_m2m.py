# fixture: sample=newsroom
"""newsroom (no routers): the reverse side of a non-symmetrical self ManyToManyField
(article.cited_by) counted per article."""
from news.models import Article, Section
from staff.models import Journalist

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="default")


def setup(n):
    author = Journalist.objects.create(username="reporter")
    section = Section.objects.create(name="City")
    previous = None
    for i in range(n):
        article = Article.objects.create(title=f"Article {i}", section=section, author=author)
        if previous is not None:
            article.related.add(previous)
        previous = article


# fix: prefetch_related("cited_by")
def scenario():
    return {article.title: article.cited_by.count() for article in Article.objects.all()}  # expect: MDB302
