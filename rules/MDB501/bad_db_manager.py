"""An alias that only exists in another environment's settings, passed to .db_manager()."""
from catalog.models import Person

from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="archive")


def scenario():
    return Person.objects.db_manager("archive").create(name="Ada")  # expect: MDB501
