# fixture: sample=envsite requires=environ,dj_database_url
"""DATABASES["default"] comes from `dj_database_url.config(...)` and "history" from
`dj_database_url.parse(...)` (their configurations are not known, their aliases are):
connections["histroy"] is misspelt."""
from django.db import connections

from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="histroy")


def scenario():
    with connections["histroy"].cursor() as cursor:  # expect: MDB501
        cursor.execute("SELECT 1")
        return cursor.fetchone()
