# fixture: sample=newsroom
"""newsroom: select_related("author", "section") joins the custom user and the section."""
from news.models import Article, Section
from staff.models import Journalist


def setup(n):
    for i in range(n):
        author = Journalist.objects.create(username=f"reporter{i}", beat="city")
        section = Section.objects.create(name=f"Section {i}")
        Article.objects.create(title=f"Article {i}", section=section, author=author)


def scenario():
    rows = []
    for article in Article.objects.select_related("author", "section"):
        rows.append((article.author.beat, article.section.name))
    return rows
