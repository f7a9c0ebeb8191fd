# fixture: sample=newsroom
"""No routers (newsroom): an article on "default" given a contributor created on "analytics"."""
from news.models import Article, Section
from staff.models import Journalist

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match='instance is on database "default", value is on database "analytics"')


def setup(n):
    section = Section.objects.create(name="Politics")
    author = Journalist.objects.create(username="editor")
    for i in range(n):
        Article.objects.create(title=f"Story {i}", section=section, author=author)
    Journalist.objects.db_manager("analytics").create(username="stringer")


def scenario():
    story = Article.objects.get(title="Story 0")
    stringer = Journalist.objects.using("analytics").get(username="stringer")
    story.contributors.add(stringer)  # expect: MDB102
