"""News services: publishing on "default", page-view tracking on "analytics"."""
from django.conf import settings
from django.db import connections, transaction

from .models import Article, Correction, PageView, Section

ANALYTICS = "analytics"


# --- correct multi-database code --------------------------------------------------

def publish(title, section_name, author, contributors=()):
    """Create an article and its contributors on the default database."""
    with transaction.atomic(using="default"):
        section, _ = Section.objects.using("default").get_or_create(name=section_name)
        article = Article.objects.db_manager("default").create(
            title=title, section=section, author=author
        )
        article.contributors.add(*contributors)
    return article


def record_view(article_id):
    """Log a page view on the analytics database (by id: articles live on default)."""
    return PageView.objects.using("analytics").create(article_id=article_id)


def view_count(article_id):
    return PageView.objects.using(settings.ANALYTICS_DB).filter(article_id=article_id).count()


def purge_views(article_id):
    with transaction.atomic(using=ANALYTICS):
        PageView.objects.using(ANALYTICS).filter(article_id=article_id).delete()


def analytics_row_count():
    """Raw row count on the analytics connection."""
    with connections[settings.ANALYTICS_DB].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM newsdesk_pageview")
        return cursor.fetchone()[0]


def correct(article, text):
    return Correction.objects.update_or_create(article=article, defaults={"text": text})[0]


# --- misuses ------------------------------------------------------------------------

def popular_articles():
    """"replica" is an alias in bookstore, not here."""
    return Article.objects.using("replica").filter(cited_by__isnull=False)  # expect: MDB501


def monthly_report(section):
    with transaction.atomic(using="reporting"):  # expect: MDB501
        return list(section.articles.values_list("title", flat=True))


def warehouse_row_count():
    with connections["warehouse"].cursor() as cursor:  # expect: MDB501
        cursor.execute("SELECT COUNT(*) FROM newsdesk_article")
        return cursor.fetchone()[0]
