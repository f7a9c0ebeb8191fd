# fixture: sample=newsroom
"""newsroom: prefetch_related() of the self ManyToMany (both sides), the custom user's reverse
ManyToMany and a reverse ForeignKey with a related_name (section.articles)."""
from news.models import Article, Section
from staff.models import Journalist


def setup(n):
    section = Section.objects.create(name="City")
    previous = None
    for i in range(n):
        journalist = Journalist.objects.create(username=f"reporter{i}")
        article = Article.objects.create(title=f"Article {i}", section=section, author=journalist)
        article.contributors.add(journalist)
        if previous is not None:
            article.related.add(previous)
        previous = article


def scenario():
    cited = {a.title: a.cited_by.count() for a in Article.objects.prefetch_related("cited_by")}
    related = [len(a.related.all()) for a in Article.objects.prefetch_related("related")]
    contributions = [
        [a.title for a in j.contributions.all()] for j in Journalist.objects.prefetch_related("contributions")
    ]
    sections = [[a.title for a in s.articles.all()] for s in Section.objects.prefetch_related("articles")]
    return cited, related, contributions, sections
