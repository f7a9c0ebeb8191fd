"""A helper takes the alias as a parameter; called with "other" inside atomic(using="default").

PENDING (rename to bad_helper_using.py once mdblint reports it): mdblint does not carry a
parameter into .using()/.db_manager() inside a helper's summary, so the call site's alias is lost."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda survived: survived == 1)


def publishers(using):
    return Publisher.objects.db_manager(using)


def scenario():
    try:
        with transaction.atomic(using="default"):
            publishers("other").create(name="Penguin")  # expect: MDB401
            raise RuntimeError("abort the import")
    except RuntimeError:
        pass
    return Publisher.objects.using("other").filter(name="Penguin").count()
