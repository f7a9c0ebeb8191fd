# fixture: sample=newsroom
"""newsroom (no routers; AUTH_USER_MODEL = "staff.Journalist"): Article.author points at the
custom user model through settings.AUTH_USER_MODEL; reading it per article queries per row."""
from news.models import Article, Section
from staff.models import Journalist

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow(alias="default")


def setup(n):
    for i in range(n):
        author = Journalist.objects.create(username=f"reporter{i}", beat="city")
        section = Section.objects.create(name=f"Section {i}")
        Article.objects.create(title=f"Article {i}", section=section, author=author)


# fix: select_related("author")
def scenario():
    return [f"{article.title} ({article.author.beat})" for article in Article.objects.all()]  # expect: MDB301
