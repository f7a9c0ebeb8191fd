"""newsroom, no routers: a journalist read from "analytics" compared in an Article query on
"default"."""
# fixture: sample=newsroom
from django.conf import settings

from mdblint.runtime.oracles import wrong_result
from news.models import Article, Section
from staff.models import Journalist

# "guest" wrote nothing; the article by the default journalist with the same pk comes back.
ORACLE = wrong_result(lambda titles: titles == ["Article 0"])


def setup(n):
    section = Section.objects.create(name="World")
    for i in range(n):
        author = Journalist.objects.create(username=f"writer{i}")
        Article.objects.create(title=f"Article {i}", section=section, author=author)
    Journalist.objects.using(settings.ANALYTICS_DB).create(username="guest")


def scenario():
    guest = Journalist.objects.using(settings.ANALYTICS_DB).get(username="guest")
    return list(Article.objects.filter(author=guest).values_list("title", flat=True))  # expect: MDB203
