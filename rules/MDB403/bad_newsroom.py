# fixture: sample=newsroom
"""No routers (newsroom): atomic(using=settings.ANALYTICS_DB) around a page-view write, and an
on_commit() without using= that fires although the block rolls back."""
from django.conf import settings
from django.db import transaction

from mdblint.runtime.oracles import wrong_result
from news.models import PageView

ORACLE = wrong_result(lambda counted: counted == [1])


def scenario():
    counted = []
    try:
        with transaction.atomic(using=settings.ANALYTICS_DB):
            PageView.objects.using(settings.ANALYTICS_DB).create(article_id=1)
            transaction.on_commit(lambda: counted.append(1))  # expect: MDB403
            raise RuntimeError("abort the batch")
    except RuntimeError:
        pass
    return counted
