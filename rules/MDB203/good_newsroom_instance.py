"""newsroom, no routers: a journalist read from "default" compared in an Article query, which
runs on "default" too."""
# fixture: sample=newsroom
from news.models import Article, Section
from staff.models import Journalist


def setup(n):
    section = Section.objects.create(name="World")
    for i in range(n):
        author = Journalist.objects.create(username=f"writer{i}")
        Article.objects.create(title=f"Article {i}", section=section, author=author)


def scenario():
    writer = Journalist.objects.using("default").get(username="writer1")
    return list(Article.objects.filter(author=writer).values_list("title", flat=True))


def check(titles):
    return titles == ["Article 1"]
