"""Database routing for the bookstore: reads go to the replica, writes to the primary."""

PRIMARY_REPLICA_POOL = {"default", "replica"}


class PrimaryReplicaRouter:
    """Send reads to "replica" and writes to "default".

    An object that already lives on the "other" (archive) database keeps its related
    reads and writes there. Objects on the primary or its replica may be related to each
    other; for anything involving "other" the router has no opinion and Django falls back
    to its same-database check.
    """

    def db_for_read(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db == "other":
            return "other"
        return "replica"

    def db_for_write(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db == "other":
            return "other"
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        if obj1._state.db in PRIMARY_REPLICA_POOL and obj2._state.db in PRIMARY_REPLICA_POOL:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return True
