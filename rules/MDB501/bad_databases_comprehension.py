# fixture: sample=envsite requires=environ,dj_database_url
"""The shards come from a dict comprehension over a tuple of names (`SHARDS = {name: {...} for
name in _SHARD_NAMES}; DATABASES.update(SHARDS)`): "shard_c" is not one of them."""
from ledger.models import Account
from mdblint.runtime.oracles import raises

ORACLE = raises("ConnectionDoesNotExist", match="shard_c")


def scenario():
    account = Account(name="Sharded")
    account.save(using="shard_c")  # expect: MDB501
    return account.pk
