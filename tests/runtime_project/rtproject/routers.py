class MirrorRouter:
    """Allows relations between default and its mirror; no opinion otherwise."""

    pair = {"default", "mirror"}

    def allow_relation(self, obj1, obj2, **hints):
        if {obj1._state.db, obj2._state.db} <= self.pair:
            return True
        return None
