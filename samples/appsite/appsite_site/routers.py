"""Routing by app label: the analytics app's models read and write "analytics"; for every other
model the router has no opinion, and Django uses "default"."""


class AppRouter:
    route_app_labels = {"analytics"}

    def db_for_read(self, model, **hints):
        if model._meta.app_label in self.route_app_labels:
            return "analytics"
        return None

    def db_for_write(self, model, **hints):
        if model._meta.app_label in self.route_app_labels:
            return "analytics"
        return None

    def allow_relation(self, obj1, obj2, **hints):
        # Objects of the analytics app may be related to each other; for any other pair the
        # router has no opinion and Django allows only objects on the same database.
        if obj1._meta.app_label in self.route_app_labels and obj2._meta.app_label in self.route_app_labels:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if app_label in self.route_app_labels:
            return db == "analytics"
        return db == "default"
