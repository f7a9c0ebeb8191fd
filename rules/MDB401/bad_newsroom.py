# fixture: sample=newsroom
"""No routers (newsroom): a plain create() goes to "default", whatever atomic block is open;
atomic(using=settings.ANALYTICS_DB) does not cover it."""
from django.conf import settings
from django.db import transaction

from mdblint.runtime.oracles import wrong_result
from news.models import Section

ORACLE = wrong_result(lambda survived: survived == 1)


def scenario():
    try:
        with transaction.atomic(using=settings.ANALYTICS_DB):
            Section.objects.create(name="World")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Section.objects.using("default").filter(name="World").count()
