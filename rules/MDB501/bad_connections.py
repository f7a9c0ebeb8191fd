"""connections[...] with an alias DATABASES lacks."""
from django.db import connections

from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="analytics")


def scenario():
    with connections["analytics"].cursor() as cursor:  # expect: MDB501
        cursor.execute("SELECT 1")
        return cursor.fetchone()
