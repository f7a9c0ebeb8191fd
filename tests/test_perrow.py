"""N+1 through the code a loop runs per row (mdblint/analysis/perrow.py): what the messages say,
where the analysis stays silent, and the loops that are not over rows. The runtime truth of each
form is in the rules/MDB30x fixtures run on the shop sample (tests/test_catalog.py)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from mdblint.checks import select_rules
from mdblint.engine import Linter
from mdblint.project.units import module_facts
from tests.helpers import REPO, load_sample

RULES = REPO / "rules"
HEAD = "from orders.models import Customer, Order, OrderLine, Product\n"


def lint(path: Path, sample: str = "shop"):
    return Linter(load_sample(sample), select_rules(["MDB3"])).lint_path(path)[0]


def lint_code(tmp_path: Path, code: str):
    path = tmp_path / "snippet.py"
    path.write_text(HEAD + textwrap.dedent(code).lstrip("\n"))
    return [(f.line - 1, f.code, f.message) for f in lint(path)]


def test_message_names_the_loop_the_call_and_the_line_inside_the_callee():
    [finding] = lint(RULES / "MDB301" / "bad_str_method.py")
    models = REPO / "samples" / "shop" / "orders" / "models.py"
    line = next(i for i, text in enumerate(models.read_text().splitlines(), 1) if "self.customer.name}\"" in text
                and "for" in text)
    assert f"the loop at line {finding.line} through str(order) (Order.__str__, " in finding.message
    assert f"orders/models.py:{line})" in finding.message
    assert 'add select_related("customer")' in finding.message
    [step] = finding.data["via"]
    assert step["call"] == "str(order)" and step["callee"] == "Order.__str__" and step["line"] == line
    assert finding.data["loop"]["line"] == finding.line


def test_nested_calls_are_named_step_by_step():
    [finding] = lint(RULES / "MDB301" / "bad_method_through_property.py")
    assert [s["callee"] for s in finding.data["via"]] == ["Order.describe", "Order.customer_name"]
    assert "order.describe() (Order.describe" in finding.message and "-> self.customer_name (Order.customer_name" in finding.message


def test_the_path_is_prefixed_with_the_rows_path_and_crosses_the_prefetch():
    [finding] = lint(RULES / "MDB301" / "bad_method_nested_forward.py")
    assert finding.data["path"] == "lines__product" and 'prefetch_related("lines__product")' in finding.message


def test_save_or_delete_overridden_keeps_the_per_row_call():
    [save] = lint(RULES / "MDB305" / "bad_save_overridden.py")
    assert "OrderLine overrides save() (" in save.message and "bulk_update() and queryset update() would skip" in save.message
    assert "collect the objects" not in save.message and save.data["overrides"]["line"]
    [delete] = lint(RULES / "MDB305" / "bad_delete_overridden.py")
    assert "OrderLine overrides delete() (" in delete.message and "a queryset delete() would skip" in delete.message
    assert "run one update()/delete()" not in delete.message
    # Without an override the bulk advice stays.
    [plain] = lint(RULES / "MDB305" / "bad_save.py", "bookstore")
    assert "bulk_update()" in plain.message and "overrides" not in plain.message


def test_a_query_inside_the_callee_is_reported_at_the_call(tmp_path):
    found = lint_code(tmp_path, """
        def scenario():
            return [order.last_line() for order in Order.objects.all()]
        """)
    [(line, code, message)] = found
    assert code == "MDB305" and message.startswith("first() runs a query on every iteration of the loop over rows at line")
    assert "through order.last_line() (Order.last_line, " in message


def test_helpers_with_an_unknown_decorator_or_star_arguments_stay_silent(tmp_path):
    found = lint_code(tmp_path, """
        import functools

        @functools.lru_cache
        def cached_label(order):
            return order.customer.name

        def label(order):
            return order.customer.name

        def scenario(args):
            for order in Order.objects.all():
                cached_label(order)
                label(*args)
                label(order)
        """)
    assert [(line, code) for line, code, _ in found] == [(14, "MDB301")]


def test_recursive_helpers_terminate(tmp_path):
    found = lint_code(tmp_path, """
        def walk(order, depth=0):
            if depth:
                return walk(order, depth - 1)
            return order.customer.name

        def scenario():
            return [walk(order, 3) for order in Order.objects.all()]
        """)
    assert [(line, code) for line, code, _ in found] == [(7, "MDB301")]


def test_a_callee_reading_only_what_the_rows_load_is_silent(tmp_path):
    found = lint_code(tmp_path, """
        def scenario():
            a = [order.total() for order in Order.objects.prefetch_related("lines__product")]
            b = [str(line) for line in OrderLine.objects.select_related("product")]
            c = [str(o) for o in Order.objects.select_related("customer").only("number", "customer__name")]
            return a, b, c
        """)
    assert found == []


def test_bounded_loops_are_not_over_rows(tmp_path):
    found = lint_code(tmp_path, """
        def scenario(n):
            literal = [Customer.objects.create(name=str(i)) for i in range(1, 9)]
            for c in literal:
                c.save()
            for o in (o for o in Order.objects.all()[:3]):
                o.customer.name
                o.save()
            sized = [Customer.objects.create(name=str(i)) for i in range(n)]
            for c in sized:
                c.save()
        """)
    assert [(line, code) for line, code, _ in found] == [(10, "MDB305")]


def test_a_second_loop_reads_what_the_first_cached_unless_the_first_stopped_early(tmp_path):
    found = lint_code(tmp_path, """
        def complete():
            orders = list(Order.objects.all())
            for o in orders:
                o.customer.name
            for o in orders:
                o.customer.name

        def stopped():
            orders = Order.objects.all()
            for o in orders:
                if o.customer.name:
                    break
            for o in orders:
                o.customer.name

        def other_queryset():
            orders = Order.objects.all()
            for o in orders:
                o.customer.name
            for o in orders.all():
                o.customer.name
        """)
    assert [(line, code) for line, code, _ in found] == [(4, "MDB301"), (11, "MDB301"), (14, "MDB301"),
                                                          (19, "MDB301"), (21, "MDB301")]


def test_a_fresh_queryset_is_reported_once_per_iteration(tmp_path):
    found = lint_code(tmp_path, """
        def scenario():
            outside = Product.objects.all()
            for order in Order.objects.all():
                lines = OrderLine.objects.filter(order=order)
                list(lines)
                len(lines)
                if outside:
                    pass
                for line in order.lines.all():
                    pass
                if not Product.objects.filter(name=order.number):
                    pass
        """)
    assert [(line, code) for line, code, _ in found] == [(5, "MDB305"), (9, "MDB302")]
    assert "evaluated by list() on every iteration" in found[0][2]


def test_the_index_counts_keyed_builtins_as_loops():
    text = "def f(qs):\n    return sorted(qs, key=str)\n\ndef g(qs):\n    return sorted(qs)\n"
    facts = module_facts(ast.parse(text), text)
    loops = {u.name: (u.loops, u.loop_sources) for u in facts.units if u.kind == "function"}
    assert loops["f"] == (True, ("qs",)) and loops["g"][0] is False


def test_a_callees_flag_parameters_decide_its_branches(tmp_path):
    found = lint_code(tmp_path, """
        def flagged(order, save=False):
            if save:
                order.save()
            if not save:
                return order.customer.name

        def unknown_flag(order, commit):
            if commit:
                return order.customer.name

        def guarded(order, tax=None):
            if tax is None:
                tax = order.customer
            return tax

        def scenario(commit):
            for o in Order.objects.all():
                flagged(o)
            for o in Order.objects.all():
                flagged(o, save=True)
            for o in Order.objects.all():
                unknown_flag(o, commit)
            for o in Order.objects.all():
                unknown_flag(o, True)
            for o in Order.objects.all():
                guarded(o, tax=commit)
            for o in Order.objects.all():
                guarded(o)
        """)
    assert [(line, code) for line, code, _ in found] == [(18, "MDB301"), (20, "MDB305"), (24, "MDB301"),
                                                          (28, "MDB301")]


def test_a_relation_read_earlier_in_the_iteration_is_cached_on_the_row(tmp_path):
    # Django caches a forward relation on the instance once read: by the loop itself or by a callee
    # given the row; a later read in the same iteration (either way) runs no query.
    found = lint_code(tmp_path, """
        def name(order):
            return order.customer.name

        def scenario():
            for o in Order.objects.all():
                name(o)
                o.customer.name
                name(o)
            for o in Order.objects.all():
                o.customer.name
                name(o)
        """)
    assert [(line, code) for line, code, _ in found] == [(6, "MDB301"), (10, "MDB301")]


def test_a_callees_error_path_and_prefetch_checks_are_not_every_call(tmp_path):
    found = lint_code(tmp_path, """
        def lookup(order):
            try:
                return order.number
            except KeyError:
                return order.customer.name

        def cached_or_query(order):
            return order.lines.filter(quantity=1).count()

        def scenario():
            for o in Order.objects.prefetch_related("lines"):
                lookup(o)
                cached_or_query(o)
        """)
    assert found == []


def test_prefetch_related_objects_covers_the_rows_it_is_given(tmp_path):
    found = lint_code(tmp_path, """
        from django.db.models import prefetch_related_objects

        FIELDS = ["customer"]

        def scenario():
            orders = list(Order.objects.all())
            prefetch_related_objects(orders, *FIELDS)
            for o in orders:
                str(o)
            qs = Order.objects.all()
            prefetch_related_objects(qs, "customer")
            for o in qs:
                o.customer_name
            other = Order.objects.all()
            prefetch_related_objects(other, "lines")
            for o in other:
                o.customer_name
        """)
    assert [(line, code) for line, code, _ in found] == [(17, "MDB301")]


def test_a_callees_kind_tests_guard_what_may_never_run_for_these_rows(tmp_path):
    found = lint_code(tmp_path, """
        KIND = "a"

        def members(order):
            if order.note == KIND:
                return order.customer.name
            if isinstance(order, Order):
                return order.customer.name
            return order.number

        def scenario():
            return [members(o) for o in Order.objects.all()]
        """)
    assert found == []


def test_a_relation_the_caller_assigned_on_the_row_is_cached_for_the_callee(tmp_path):
    code = """
        def scenario(customer):
            for o in Order.objects.all():
                o.customer = customer
                str(o)
        """
    assert lint_code(tmp_path, code) == []
    assert [(line, code) for line, code, _ in lint_code(tmp_path, code.replace("o.customer = customer", "pass"))] \
        == [(4, "MDB301")]


def test_rows_of_one_owners_manager_share_that_owner(tmp_path):
    found = lint_code(tmp_path, """
        def scenario(order_id):
            order = Order.objects.get(pk=order_id)
            for line in order.lines.all():
                line.order.customer.name
            for o in Order.objects.all():
                for line in o.lines.all():
                    line.order.customer.name
        """)
    assert [(line, code) for line, code, _ in found] == [(6, "MDB302"), (7, "MDB301")]


def test_a_fresh_queryset_in_a_once_block_comprehension_is_not_per_row(tmp_path):
    found = lint_code(tmp_path, """
        def scenario():
            last = None
            for o in Order.objects.all():
                if last != o.number:
                    last = o.number
                    names = {p.name for p in Product.objects.filter(name=o.number)}
        """)
    assert found == []


def test_a_cached_result_is_redone_when_the_callee_changes(tmp_path):
    import shutil

    from tests.helpers import run_cli

    site = tmp_path / "shop"
    shutil.copytree(REPO / "samples" / "shop", site)
    env = {**__import__("os").environ, "MDBLINT_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli(".", "--select", "MDB301", cwd=site, env=env)
    assert "through str(order) (Order.__str__" in first.stdout
    models = site / "orders" / "models.py"
    models.write_text(models.read_text().replace('return f"{self.number} for {self.customer.name}"', "return self.number"))
    second = run_cli(".", "--select", "MDB301", cwd=site, env=env)
    assert "str(order)" not in second.stdout and "o.customer_name" in second.stdout


def test_a_comprehensions_first_iterable_under_a_kind_test_is_not_every_call(tmp_path):
    found = lint_code(tmp_path, """
        def accept(order):
            if order.note == "GROUPS":
                return any(line for line in order.lines.all())
            return True

        def scenario():
            return [o for o in Order.objects.all() if accept(o)]
        """)
    assert found == []


def test_a_callee_running_several_queries_is_one_finding_at_the_call(tmp_path):
    found = lint_code(tmp_path, """
        def stats(order):
            a = OrderLine.objects.filter(order=order).count()
            b = OrderLine.objects.filter(order=order, quantity=1).count()
            c = Product.objects.filter(name=order.number).exists()
            return a, b, c, order.customer.name, order.customer.pk

        def scenario():
            return [stats(o) for o in Order.objects.all()]
        """)
    assert [(line, code) for line, code, _ in found] == [(8, "MDB301"), (8, "MDB305")]
    assert "(stats, and 2 more queries, " in found[1][2]



def test_a_base_class_mdblint_cannot_read_may_override_save(tmp_path):
    # A third-party model mixin (smartmin's SmartModel, mptt's MPTTModel) may override save() or
    # delete(): the bulk advice is not given as safe, and create() (which calls save()) likewise.
    import shutil

    from mdblint.discovery import ProjectRef, settings_from_manage_py
    from mdblint.project import load_project

    root = tmp_path / "shop"
    shutil.copytree(REPO / "samples" / "shop", root)
    models = root / "orders" / "models.py"
    models.write_text(models.read_text() + textwrap.dedent('''

        from thirdparty.models import StampedModel


        class Note(StampedModel, models.Model):
            text = models.CharField(max_length=10)
        '''))
    snippet = root / "orders" / "snippet.py"
    snippet.write_text(textwrap.dedent('''\
        from orders.models import Note, Order


        def touch():
            for note in Note.objects.all():
                note.save()
            for order in Order.objects.all():
                Note.objects.create(text=order.number)
        '''))
    project = load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))
    save, create = Linter(project, select_rules(["MDB305"])).lint_path(snippet)[0]
    assert "Note may override save() in thirdparty.models.StampedModel (a base class mdblint cannot read)" in save.message
    assert "check it before replacing the per-row save()" in save.message and "collect the objects" not in save.message
    assert save.data["may_override"] == "thirdparty.models.StampedModel" and "overrides" not in save.data
    assert "bulk_create() would skip" in create.message and "build the objects" not in create.message


def test_a_read_in_one_branch_is_cached_after_the_if_only_when_both_branches_read(tmp_path):
    found = lint_code(tmp_path, """
        def name(order):
            return order.customer.name

        def scenario():
            for o in Order.objects.all():
                if o.number:
                    name(o)
                else:
                    o.customer.name
                o.customer.name
            for o in Order.objects.all():
                if o.number:
                    name(o)
                o.customer.name
        """)
    assert [(line, code) for line, code, _ in found] == [(7, "MDB301"), (9, "MDB301"), (13, "MDB301"),
                                                          (14, "MDB301")]


def test_a_base_class_re_exported_by_a_package_is_read(tmp_path):
    # `from .base import *` in a package's __init__ (rapidpro's temba.utils.models): its classes are
    # the project's, so their save() override is named, not "a base class mdblint cannot read".
    import shutil

    from mdblint.discovery import ProjectRef, settings_from_manage_py
    from mdblint.project import load_project

    root = tmp_path / "shop"
    shutil.copytree(REPO / "samples" / "shop", root)
    (root / "orders" / "mixins").mkdir()
    (root / "orders" / "mixins" / "__init__.py").write_text("from .base import *  # noqa\n")
    (root / "orders" / "mixins" / "base.py").write_text(textwrap.dedent('''\
        from django.db import models


        class Stamped(models.Model):
            class Meta:
                abstract = True

            def save(self, *args, **kwargs):
                return super().save(*args, **kwargs)
        '''))
    models = root / "orders" / "models.py"
    models.write_text(models.read_text() + textwrap.dedent('''

        from orders.mixins import Stamped


        class Note(Stamped):
            text = models.CharField(max_length=10)
        '''))
    snippet = root / "orders" / "snippet.py"
    snippet.write_text("from orders.models import Note\n\n\ndef touch():\n    for note in Note.objects.all():\n"
                       "        note.save()\n")
    project = load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))
    [save] = Linter(project, select_rules(["MDB305"])).lint_path(snippet)[0]
    assert "Note overrides save() (" in save.message and "mixins/base.py:8)" in save.message, save.message


def test_a_method_of_the_own_class_given_the_row(tmp_path):
    # `self.helper(row)` in a command or a view: the helper's reads of the row run per row, and
    # what it read is cached on the row afterwards.
    found = lint_code(tmp_path, """
        class Command:
            def describe(self, order, prefix=""):
                return prefix + order.customer.name

            def handle(self):
                for o in Order.objects.all():
                    self.describe(o)
                    o.customer.name
                for o in Order.objects.select_related("customer"):
                    self.describe(o, prefix="-")
        """)
    assert [(line, code) for line, code, _ in found] == [(7, "MDB301")]
    assert "through self.describe(o) (Command.describe, " in found[0][2]


def test_a_callee_returning_what_it_created_keeps_the_result_advice(tmp_path):
    # saleor's create_transaction_event_requested(): a helper returns the object it created, which
    # the loop goes on using; "bulk_create() after the loop" would not give it row by row.
    found = lint_code(tmp_path, """
        def ship(order):
            return Product.objects.create(name=order.number, price=1)

        def scenario():
            for o in Order.objects.all():
                product = ship(o)
                product.save()
        """)
    [(line, code, message)] = [f for f in found if f[0] == 6]
    assert code == "MDB305" and "the loop uses the object it returns" in message, message


def test_a_callee_read_behind_an_early_return_or_in_an_inner_loop_is_not_cached(tmp_path):
    # kolibri's quiz_started_notification(): it returns early when a notification exists, before it
    # reads the log's user; the next call's read of the user is then a query of its own.
    found = lint_code(tmp_path, """
        def started(order, seen):
            if order.number in seen:
                return None
            return order.customer.name

        def completed(order):
            return order.customer.name

        def scenario(seen, lines):
            for o in Order.objects.all():
                started(o, seen)
                completed(o)
            for o in Order.objects.all():
                for line in lines:
                    o.customer.name
                o.customer.name
        """)
    assert [(line, code) for line, code, _ in found] == [(11, "MDB301"), (12, "MDB301"), (15, "MDB301"),
                                                          (16, "MDB301")]


def test_a_callee_read_after_a_raising_guard_is_cached(tmp_path):
    # nautobot's DynamicGroup.clean_filter(): `if not valid: raise ...` before it reads content_type;
    # a call that returned did not raise there, so the caller's later read hits the cache.
    found = lint_code(tmp_path, """
        def check(order):
            if not order.number:
                raise ValueError("no number")
            return order.customer.name

        def scenario():
            for o in Order.objects.all():
                try:
                    check(o)
                except ValueError:
                    continue
                o.customer.name
        """)
    assert [(line, code) for line, code, _ in found] == [(9, "MDB301")]


def _if(code: str):
    import libcst as cst
    return cst.parse_statement(textwrap.dedent(code).strip() + "\n")


def test_a_memo_on_the_row_is_decided_by_its_first_call():
    """`if getattr(self, "_x", None) is None: self._x = ...` (or hasattr / self.__dict__) runs
    its body on the first call on each row fresh from a queryset (rules/MDB301/bad_memo_property.py)."""
    from mdblint.analysis.perrow import _memo_on_row
    from mdblint.analysis.values import UNKNOWN_ALIASES, Instance, Row
    row = {"self": Instance("orders.Order", UNKNOWN_ALIASES, row=Row(object(), "", None, None))}
    plain = {"self": Instance("orders.Order", UNKNOWN_ALIASES)}
    forms = {'getattr(self, "_x", None)': False, 'hasattr(self, "_x")': False, '"_x" in self.__dict__': False,
             '"_x" not in self.__dict__': True}
    for test, unset in forms.items():
        stmt = _if(f"if {test}:\n    self._x = self.customer.name\n")
        assert _memo_on_row(stmt.test, row, stmt.body.body) is unset, test
        assert _memo_on_row(stmt.test, plain, stmt.body.body) is None, test       # not a row
        other = _if(f"if {test}:\n    self._y = 1\n")
        assert _memo_on_row(other.test, row, other.body.body) is None, test       # sets another attribute
    stmt = _if('if getattr(self, "_x", 0):\n    self._x = 1\n')
    assert _memo_on_row(stmt.test, row, stmt.body.body) is None                  # a default that is not None


def test_a_loop_that_leaves_at_the_first_object_not_the_first_rows_is_bounded():
    """rules/MDB301/good_identity_break.py: `elif value is not first: break` bounds the reads that
    feed `value`; with `!=` (bad_equality_break.py), with no break, or with a rebinding in between,
    nothing is bounded."""
    import libcst as cst

    from mdblint.analysis.flow import _identity_bounded

    def bounded(code: str) -> list[str]:
        loop = cst.parse_statement(textwrap.dedent(code).strip() + "\n")
        ids = _identity_bounded(loop.body.body)
        return [cst.Module([]).code_for_node(s).strip() for s in loop.body.body if id(s) in ids]

    base = """
        for row in rows:
            value = row.site
            if first is None:
                first = value
            elif value {op} first:
                {leave}
        """
    assert bounded(base.format(op="is not", leave="break")) == ["value = row.site"]
    assert bounded(base.format(op="is not", leave="return None")) == ["value = row.site"]
    assert bounded(base.format(op="!=", leave="break")) == []
    assert bounded(base.format(op="is not", leave="first = None")) == []
    rebound = """
        for row in rows:
            value = row.site
            value = row.other
            if first is None:
                first = value
            elif value is not first:
                break
        """
    assert bounded(rebound) == ["value = row.other"]
