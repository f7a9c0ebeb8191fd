# fixture: sample=newsroom
"""No routers: bulk=False does not help when the relation itself is refused: the article on
"analytics" cannot be attached to a section on "default"."""
from news.models import Article, Section
from staff.models import Journalist

from mdblint.runtime.oracles import raises

ORACLE = raises("ValueError", match="Cannot assign .*the current database router prevents this relation")

ANALYTICS = "analytics"


def setup(n):
    Section.objects.create(name="Politics")
    section = Section.objects.using(ANALYTICS).create(name="Archive")
    author = Journalist.objects.db_manager(ANALYTICS).create(username="editor")
    for i in range(n):
        Article.objects.using(ANALYTICS).create(title=f"Story {i}", section=section, author=author)


def scenario():
    politics = Section.objects.get(name="Politics")
    story = Article.objects.using(ANALYTICS).get(title="Story 0")
    politics.articles.add(story, bulk=False)  # expect: MDB102
