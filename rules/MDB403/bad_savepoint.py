"""savepoint() without using= inside atomic(using="other"): "default" is in autocommit, so no
savepoint is made and the id is None."""
from django.db import transaction

from catalog.models import Publisher
from mdblint.runtime.oracles import wrong_result

ORACLE = wrong_result(lambda sid: sid is None)


def scenario():
    with transaction.atomic(using="other"):
        Publisher.objects.using("other").create(name="Penguin")
        sid = transaction.savepoint()  # expect: MDB403
        return sid
