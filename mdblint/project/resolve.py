"""Names across the project's modules: what a dotted name in a module stands for.

`Resolver.resolve(module, "models.Model")` follows imports, aliases, star imports and
re-exports to a qualified name (`django.db.models.Model`, `shop.models.Book`); `kind()` says
whether a class is a model, manager, queryset, AppConfig or a field (and which), by walking
its bases through the project and recognising Django's classes by name.
"""

from __future__ import annotations

from mdblint.project.summary import CallInfo, ModuleSummary

# External names (not in the project) that we know by their last component.
_FIELD_SUFFIXES = (("ForeignKey", "fk"), ("OneToOneField", "o2o"), ("ManyToManyField", "m2m"))
_EXACT = {
    "GenericForeignKey": "gfk", "GenericRelation": "generic_relation", "ForeignObject": "foreign_object",
    "CompositePrimaryKey": "field_nc", "AppConfig": "appconfig", "Model": "model",
    "Manager": "manager", "BaseManager": "manager", "QuerySet": "queryset",
}
FIELD_KINDS = {"fk", "o2o", "m2m", "gfk", "generic_relation", "foreign_object", "field", "field_nc"}


def external_kind(qual: str) -> str | None:
    last = qual.rpartition(".")[2]
    if last in _EXACT:
        return _EXACT[last]
    for suffix, kind in _FIELD_SUFFIXES:
        if last.endswith(suffix):
            return kind
    if last.endswith("Field"):
        return "field"
    if last.endswith("Manager"):
        return "manager"
    if last.endswith("QuerySet"):
        return "queryset"
    if last.endswith("Model") and not qual.startswith("django."):
        return "model"      # a third-party abstract model: a model, whose fields we cannot see
    return None


class Resolver:
    def __init__(self, summaries: dict[str, ModuleSummary]) -> None:
        self.s = summaries
        self.classes = {f"{m}.{c}": (m, cs) for m, s in summaries.items() for c, cs in s.classes.items()}
        self._canon: dict[str, str] = {}
        self._kind: dict[str, str | None] = {}
        self._mro: dict[str, list[str]] = {}
        self._lookups: dict[tuple[str, str], str | None] = {}

    def lookup(self, module: str, name: str, depth: int = 0) -> str | None:
        """The qualified name `name` stands for at the top level of `module`. Memoized: star
        imports may form cycles (a module star-importing itself, a -> b -> a), and a name is
        looked up through each module once; one that is being looked up already stands for
        nothing known along that path."""
        key = (module, name)
        if key in self._lookups:
            return self._lookups[key]
        if depth > 40:
            return None
        self._lookups[key] = None          # in progress: a cycle back here finds nothing
        found = self._lookup(module, name, depth)
        self._lookups[key] = found
        return found

    def _lookup(self, module: str, name: str, depth: int) -> str | None:
        s = self.s.get(module)
        if s is None:
            return None
        b = s.names.get(name)
        if b is not None:
            if b.kind in ("module", "from"):
                return b.target
            if b.kind == "ref":
                return self.resolve(module, b.target, depth + 1)
            return f"{module}.{name}"
        for star in s.stars:
            found = self.lookup(star, name, depth + 1)
            if found is not None:
                return found
        if f"{module}.{name}" in self.s:
            return f"{module}.{name}"
        return None

    def resolve(self, module: str, dotted: str | None, depth: int = 0) -> str | None:
        """Canonical qualified name of dotted text `a.b.c` written in `module`."""
        if not dotted:
            return None
        head, dot, rest = dotted.partition(".")
        qual = self.lookup(module, head, depth)
        return None if qual is None else self.canon(qual + dot + rest, depth)

    def canon(self, qual: str, depth: int = 0) -> str:
        """Follow re-exports: `pkg.models.Book` -> where Book is defined."""
        if qual in self._canon:
            return self._canon[qual]
        result = qual
        if qual not in self.s and depth < 40:
            parts = qual.split(".")
            for i in range(len(parts) - 1, 0, -1):
                module = ".".join(parts[:i])
                if module in self.s:
                    found = self.lookup(module, parts[i], depth + 1)
                    rest = "".join("." + p for p in parts[i + 1:])
                    if found is not None and found != f"{module}.{parts[i]}":
                        result = self.canon(found + rest, depth + 1)
                    break
        self._canon[qual] = result
        return result

    def binding(self, qual: str):
        module, _, name = qual.rpartition(".")
        s = self.s.get(module)
        return s.names.get(name) if s else None

    # -- what a class or call is ------------------------------------------------------------
    def kind(self, qual: str | None) -> str | None:
        """model | manager | queryset | appconfig | a field kind | None."""
        if qual is None:
            return None
        if qual in self._kind:
            return self._kind[qual]
        self._kind[qual] = None     # cycle guard
        result = external_kind(qual) if qual.startswith("django.") else None
        if result is not None:
            pass                    # Django's own classes by name, even when its source is in the tree
        elif qual in self.classes:
            module, cs = self.classes[qual]
            for base in cs.bases:
                result = self.kind(self.resolve(module, base))
                if result is not None:
                    break
        else:
            b = self.binding(qual)
            if b is not None and b.kind == "call":
                result = self.call_kind(qual.rpartition(".")[0], b.target, as_class=True)
            elif b is None and qual.rpartition(".")[0] not in self.s:
                result = external_kind(qual)
        self._kind[qual] = result
        return result

    def call_kind(self, module: str, call: CallInfo, as_class: bool = False) -> str | None:
        """What `call` makes: a field kind or "manager" (as_class: the class a factory returns)."""
        callee = call.callee
        if not callee:
            return None
        if callee.endswith(".from_queryset()") or callee.endswith(".as_manager"):
            return "manager"
        if as_class:
            return "manager" if callee.endswith(".from_queryset") else None
        kind = self.kind(self.resolve(module, callee))
        return kind if kind in FIELD_KINDS or kind == "manager" else None

    def class_attr(self, qual: str, name: str) -> object:
        """A literal class attribute, looked up through the project's bases."""
        for base in self.mro(qual):
            if base in self.classes:
                b = self.classes[base][1].attrs.get(name)
                if b is not None:
                    return b.target if b.kind == "value" else None
        return None

    def mro(self, qual: str) -> list[str]:
        """C3 linearization over project classes (external bases are leaves)."""
        if qual in self._mro:
            return self._mro[qual]
        self._mro[qual] = [qual]    # cycle guard
        if qual not in self.classes:
            return [qual]
        module, cs = self.classes[qual]
        bases = [b for b in (self.resolve(module, b) for b in cs.bases) if b]
        seqs = [list(self.mro(b)) for b in bases] + [list(bases)]
        out = [qual]
        while True:
            seqs = [s for s in seqs if s]
            if not seqs:
                break
            for seq in seqs:
                head = seq[0]
                if not any(head in s[1:] for s in seqs):
                    break
            else:   # inconsistent: fall back to depth-first order
                for seq in seqs:
                    out += [c for c in seq if c not in out]
                break
            out.append(head)
            for seq in seqs:
                if seq[0] == head:
                    del seq[0]
        self._mro[qual] = out
        return out
