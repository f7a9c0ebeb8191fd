"""Oracles for bad fixtures: each returns a callable ``(runs) -> (ok, explanation)``.

``runs`` are the records of ``scenario()`` at N and 2N (``.n``, ``.queries``,
``.exception`` with ``.type``/``.mro``/``.message`` or None, ``.result``: the returned object).
"""

import re


def _at(runs):
    return " and ".join(f"n={r.n}" for r in runs)


def _observed(run):
    if run.exception is not None:
        return f"raised {run.exception.type}: {run.exception.message}"
    return f"returned {_short(run.result)}"


def _short(value, limit=200):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _same_or_each(runs, describe):
    """One description with "at n=3 and n=6" when the runs agree, else one per run."""
    texts = [describe(r) for r in runs]
    if len(set(texts)) == 1:
        return f"{texts[0]} at {_at(runs)}"
    return "; ".join(f"{t} at n={r.n}" for t, r in zip(texts, runs))


def raises(type_name, match=None):
    """Every run raises ``type_name`` (or a subclass), its message matching ``match``."""

    def oracle(runs):
        ok = all(
            r.exception is not None
            and type_name in r.exception.mro
            and (match is None or re.search(match, r.exception.message))
            for r in runs
        )
        want = type_name + (f" matching {match!r}" if match else "")
        return ok, _same_or_each(runs, _observed) + ("" if ok else f" (expected {want})")

    return oracle


def queries_grow(alias=None):
    """No run raises, and 2N issues more queries than N (on ``alias``, or in total)."""

    def oracle(runs):
        raised = [r for r in runs if r.exception is not None]
        if raised:
            return False, _same_or_each(raised, _observed) + " (expected no exception)"
        counts = [r.queries.get(alias, 0) if alias else sum(r.queries.values()) for r in runs]
        where = f"on {alias!r}" if alias else "in total"
        text = f"queries {where}: " + ", ".join(f"{c} at n={r.n}" for c, r in zip(counts, runs))
        ok = len(counts) > 1 and counts[-1] > counts[0]
        return ok, text + ("" if ok else " (expected growth)")

    return oracle


def wrong_result(predicate):
    """No run raises, and ``predicate(result)`` is true (the result is wrong) for every run."""

    def oracle(runs):
        right = [r for r in runs if r.exception is not None or not predicate(r.result)]
        text = _same_or_each(runs, _observed)
        if right:
            return False, text + f" (expected a wrong result; not wrong at {_at(right)})"
        return True, text

    return oracle
