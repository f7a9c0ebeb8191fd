# fixture: sample=newsroom
"""newsroom: the reverse ManyToMany of the custom user model (journalist.contributions)
iterated per journalist."""
from news.models import Article, Section
from staff.models import Journalist

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="default")


def setup(n):
    section = Section.objects.create(name="City")
    for i in range(n):
        journalist = Journalist.objects.create(username=f"reporter{i}")
        article = Article.objects.create(title=f"Article {i}", section=section, author=journalist)
        article.contributors.add(journalist)


# fix: prefetch_related("contributions")
def scenario():
    titles = []
    for journalist in Journalist.objects.order_by("username"):
        titles.append([article.title for article in journalist.contributions.all()])  # expect: MDB302
    return titles
