"""The Django side of the runtime: configure Django for one sample, create its tables on
every alias, run fixtures at N and 2N, print one JSON report (see ``mdblint.runtime``).

Everything here runs in the ``python -m mdblint.runtime`` subprocess. Deviations from the
sample's own settings: every alias is a SQLite file in a temporary directory (a
``TEST: {"MIRROR": x}`` alias shares x's file), and the fast MD5 password hasher comes first,
as in Django's own test settings. SQLite claims ``select_for_update()`` support with an empty
lock clause (see ``lock_like_a_server``), so that Django's own transaction check runs as on
PostgreSQL, MySQL or Oracle.
"""

import argparse
import ast
import contextlib
import importlib
import importlib.util
import json
import os
import platform
import re
import sys
import tempfile
import traceback
from pathlib import Path

from mdblint.runtime import ExceptionInfo, Run
from mdblint.runtime.oracles import _at, _observed, _same_or_each, _short

SQLITE = "django.db.backends.sqlite3"
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


def settings_from_manage(sample_dir):
    """The module named by ``os.environ.setdefault("DJANGO_SETTINGS_MODULE", "...")`` in
    manage.py, read with ``ast`` (manage.py is never executed)."""
    manage = Path(sample_dir, "manage.py")
    if manage.is_file():
        for node in ast.walk(ast.parse(manage.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setdefault"
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
                and node.args[0].value == "DJANGO_SETTINGS_MODULE"
            ):
                return node.args[1].value
    return os.environ.get("DJANGO_SETTINGS_MODULE")


def sqlite_databases(databases, tmpdir):
    """One SQLite file per alias; a mirror alias opens its target's file read-only, as a
    production replica would refuse writes (Django opens SQLite with uri=True)."""
    files = {alias: os.path.join(tmpdir, f"db{i}.sqlite3") for i, alias in enumerate(databases)}
    out = {}
    for alias, conf in databases.items():
        mirror = (conf.get("TEST") or {}).get("MIRROR")
        if mirror in files and mirror != alias:
            out[alias] = {"ENGINE": SQLITE, "NAME": f"file:{files[mirror]}?mode=ro", "TEST": {"MIRROR": mirror}}
        else:
            out[alias] = {"ENGINE": SQLITE, "NAME": files[alias]}
        if conf.get("ATOMIC_REQUESTS"):
            out[alias]["ATOMIC_REQUESTS"] = True
    return out


def lock_like_a_server():
    """SQLite has no ``SELECT ... FOR UPDATE`` and Django skips ``select_for_update()`` there
    (``has_select_for_update = False``), so a misuse that raises on a server database passes.
    Claim the feature (and its variants) with an empty lock clause: Django's compiler then makes
    its own check (``TransactionManagementError`` in autocommit mode) and runs the plain SELECT
    (SQLite serialises writers anyway)."""
    from django.db.backends.sqlite3.features import DatabaseFeatures
    from django.db.backends.sqlite3.operations import DatabaseOperations

    for name in ("has_select_for_update", "has_select_for_update_nowait", "has_select_for_update_skip_locked",
                 "has_select_for_update_of", "has_select_for_no_key_update", "supports_select_for_update_with_limit"):
        setattr(DatabaseFeatures, name, True)
    DatabaseOperations.for_update_sql = lambda self, nowait=False, skip_locked=False, of=(), no_key=False: ""


def setup_django(sample_dir, settings_module, tmpdir):
    sys.path.insert(0, str(Path(sample_dir).resolve()))
    module = importlib.import_module(settings_module)
    values = {name: getattr(module, name) for name in dir(module) if name.isupper()}
    values["DATABASES"] = sqlite_databases(values.get("DATABASES") or {"default": {}}, tmpdir)
    import django
    from django.conf import global_settings, settings

    hashers = list(values.get("PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS))
    values["PASSWORD_HASHERS"] = [FAST_HASHER] + [h for h in hashers if h != FAST_HASHER]
    settings.configure(**values)
    django.setup()
    lock_like_a_server()
    create_tables()


def primary_aliases():
    from django.db import connections

    return [a for a in connections if not connections[a].settings_dict["TEST"].get("MIRROR")]


def create_tables():
    """Tables of every managed, concrete model on every non-mirror alias, whatever the
    routers' allow_migrate says. create_model() adds auto-created m2m tables itself."""
    from django.apps import apps
    from django.db import connections

    models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
    for alias in primary_aliases():
        with connections[alias].schema_editor() as editor:
            for model in models:
                editor.create_model(model)


def flush():
    """Empty every table on every alias and reset primary-key sequences."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connections

    for alias in primary_aliases():
        conn = connections[alias]
        tables = conn.introspection.django_table_names(only_existing=True, include_views=False)
        conn.ops.execute_sql_flush(conn.ops.sql_flush(no_style(), tables, reset_sequences=True))
    if apps.is_installed("django.contrib.contenttypes"):
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()


@contextlib.contextmanager
def count_queries():
    """Yields {alias: number of queries executed} for every alias, updated live. Queries of other
    threads count too (the async ORM runs them in sync_to_async's worker thread, on that thread's
    connections, which the execute wrappers installed here do not reach)."""
    import threading

    from django.db import connections
    from django.db.backends.utils import CursorWrapper

    counts = {alias: 0 for alias in connections}
    here = threading.get_ident()
    original = CursorWrapper._execute_with_wrappers

    def elsewhere(self, sql, params, many, executor):
        if threading.get_ident() != here and self.db.alias in counts:
            counts[self.db.alias] += 1
        return original(self, sql, params, many, executor)

    with contextlib.ExitStack() as stack:
        for alias in connections:

            def wrapper(execute, sql, params, many, context, alias=alias):
                counts[alias] += 1
                return execute(sql, params, many, context)

            stack.enter_context(connections[alias].execute_wrapper(wrapper))
        CursorWrapper._execute_with_wrappers = elsewhere
        try:
            yield counts
        finally:
            CursorWrapper._execute_with_wrappers = original


def load_fixture(path, index):
    name = "mdblint_fixture_%d_%s" % (index, re.sub(r"\W", "_", Path(path).stem))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def lagging_replicas(enabled):
    """With ``REPLICA_LAG = True`` in a fixture: every mirror alias reads a copy of its primary
    taken after ``setup()`` (opened read-only), so nothing written during ``scenario()`` reaches
    it, as a replica lagging behind its primary."""
    from django.db import connections

    if not enabled:
        yield
        return
    import sqlite3

    saved = {}
    for alias in connections:
        mirror = connections[alias].settings_dict["TEST"].get("MIRROR")
        if not mirror:
            continue
        source = connections[mirror].settings_dict["NAME"]
        copy = f"{source}.{alias}.lagging"
        with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(copy)) as dst:
            src.backup(dst)
        connections[alias].close()
        saved[alias] = connections[alias].settings_dict["NAME"]
        connections[alias].settings_dict["NAME"] = f"file:{copy}?mode=ro"
    try:
        yield
    finally:
        for alias, name in saved.items():
            connections[alias].close()
            connections[alias].settings_dict["NAME"] = name


def run_once(module, n, stage):
    """Flush, setup(n), scenario() with counted queries. Returns (Run, repr, check)."""
    from django.test.utils import override_settings

    flush()
    with override_settings(**getattr(module, "SETTINGS", {})):
        stage[0] = f"setup({n})"
        if hasattr(module, "setup"):
            module.setup(n)
        stage[0] = f"scenario() at n={n}"
        exc = result = None
        with lagging_replicas(getattr(module, "REPLICA_LAG", False)), count_queries() as queries:
            try:
                result = module.scenario()
            except Exception as e:
                exc = ExceptionInfo(type(e).__name__, [c.__name__ for c in type(e).__mro__], str(e))
        stage[0] = f"check() at n={n}"
        checked = None if exc or not hasattr(module, "check") else bool(module.check(result))
        text = None if exc else _short(result, 2000)
    return Run(n, dict(queries), exc, result), text, checked


def good_verdict(runs, checks):
    problems = []
    raised = [r for r in runs if r.exception is not None]
    if raised:
        problems.append(_same_or_each(raised, _observed))
    if any(r.queries != runs[0].queries for r in runs):
        problems.append("query count changed with n")
    failed = [r for r, c in zip(runs, checks) if c is False]
    if failed:
        problems.append(f"check(result) false at {_at(failed)}")
    counts = [
        f"on {alias!r}: " + ", ".join(f"{r.queries[alias]} at n={r.n}" for r in runs)
        for alias in runs[0].queries
        if any(r.queries[alias] for r in runs)
    ]
    queries = "queries " + "; ".join(counts) if counts else "no queries"
    if problems:
        return False, "; ".join(problems) + f" ({queries})"
    return True, f"no exception; {queries}" + ("; check(result) true" if checks[0] else "")


def run_fixture(path, index, n):
    kind = "bad" if Path(path).name.startswith("bad") else "good"
    runs, texts, checks, stage = [], [], [], ["import"]
    try:
        module = load_fixture(path, index)
        stage[0] = "fixture"
        if not callable(getattr(module, "scenario", None)):
            raise TypeError("the fixture defines no scenario()")
        if kind == "bad" and not callable(getattr(module, "ORACLE", None)):
            raise TypeError("a bad fixture needs ORACLE = <an oracle from mdblint.runtime.oracles>")
        for size in (n, 2 * n):
            run, text, checked = run_once(module, size, stage)
            runs.append(run)
            texts.append(text)
            checks.append(checked)
        stage[0] = "ORACLE" if kind == "bad" else "verdict"
        ok, explanation = module.ORACLE(runs) if kind == "bad" else good_verdict(runs, checks)
    except Exception as e:
        traceback.print_exc()
        last = traceback.format_exception_only(type(e), e)[-1].strip()
        ok, explanation = False, f"error in {stage[0]}: {last}"
    return {
        "path": str(path),
        "kind": kind,
        "ok": bool(ok),
        "explanation": str(explanation),
        "runs": [
            {
                "n": r.n,
                "queries": r.queries,
                "exception": r.exception and vars(r.exception),
                "result": text,
            }
            for r, text in zip(runs, texts)
        ],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m mdblint.runtime", description=__doc__.split("\n")[0])
    parser.add_argument("--sample", required=True, help="the sample project's directory")
    parser.add_argument("--settings", help="settings module (default: read from manage.py)")
    parser.add_argument("--n", type=int, default=3, help="rows for the first run; the second uses 2N")
    parser.add_argument("fixtures", nargs="+")
    args = parser.parse_args(argv)
    settings_module = args.settings or settings_from_manage(args.sample)
    if not settings_module:
        parser.error("no --settings, and no DJANGO_SETTINGS_MODULE in manage.py")
    fixtures = [os.path.abspath(f) for f in args.fixtures]
    out = sys.stdout
    # Fixture and Django prints go to stderr: stdout carries the JSON document only.
    with contextlib.redirect_stdout(sys.stderr), tempfile.TemporaryDirectory(prefix="mdblint-runtime-") as tmp:
        setup_django(args.sample, settings_module, tmp)
        reports = [run_fixture(path, i, args.n) for i, path in enumerate(fixtures)]
        from django.db import connections

        connections.close_all()
    import django

    doc = {"django": django.get_version(), "python": platform.python_version(), "fixtures": reports}
    json.dump(doc, out, indent=1)
    out.write("\n")
    return 0 if all(r["ok"] for r in reports) else 1
