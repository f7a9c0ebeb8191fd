"""MDB306, DRF serializers over a view's rows (mdblint/analysis/drf.py): the finding sits at the
serializer's field in its own module and names views of other modules; what stays silent (views
and serializers mdblint cannot read whole); the dependencies the results cache keeps. The
runtime truth of each form is in the rules/MDB306 fixtures (tests/test_catalog.py)."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest

from mdblint.checks import select_rules
from mdblint.discovery import ProjectRef, settings_from_manage_py
from mdblint.engine import Linter
from mdblint.project import load_project
from tests.helpers import REPO, run_cli

SERIALIZERS = '''
from rest_framework import serializers

from orders.models import Customer, Order


class CustomerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Customer
        fields = ["id", "name"]


class OrderSerializer(serializers.ModelSerializer):
    customer = CustomerSerializer()
    lines = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Order
        fields = ["id", "number", "customer", "lines"]
'''


def project(tmp_path: Path, views: str, serializers: str = SERIALIZERS):
    root = tmp_path / "shop"
    shutil.copytree(REPO / "samples" / "shop", root)
    (root / "orders" / "api").mkdir()
    (root / "orders" / "api" / "__init__.py").write_text("")
    (root / "orders" / "api" / "serializers.py").write_text(textwrap.dedent(serializers).lstrip())
    (root / "orders" / "api" / "views.py").write_text(textwrap.dedent(views).lstrip())
    loaded = load_project(ProjectRef(root, settings_from_manage_py(root / "manage.py"), "manage.py"))
    return root, Linter(loaded, select_rules(["MDB306"]))


def findings(linter: Linter, path: Path):
    return [(f.line, f.message) for f in linter.lint_path(path)[0]]


VIEWS = '''
from rest_framework import generics, viewsets

from orders.api.serializers import OrderSerializer
from orders.models import Order


class OrderList(generics.ListAPIView):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer


class OrderViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Order.objects.select_related("customer")
    serializer_class = OrderSerializer
'''


def test_reported_at_the_field_in_the_serializer_module_naming_the_views_of_another_module(tmp_path):
    root, linter = project(tmp_path, VIEWS)
    path = root / "orders" / "api" / "serializers.py"
    found = linter.lint_path(path)[0]
    assert linter.last_deps.keys() >= {"orders.api.views"}   # an edit of the views re-checks this file
    by_line = {f.line: f for f in found}
    customer = by_line[13]
    assert customer.data["path"] == "customer" and [v["view"] for v in customer.data["views"]] == ["OrderList"]
    assert "orders/api/views.py:7) serializes (many=True)" in customer.message
    assert 'add select_related("customer") to OrderList\'s queryset' in customer.message
    lines = by_line[14]   # neither view prefetches the lines
    assert [v["view"] for v in lines.data["views"]] == ["OrderList", "OrderViewSet"]
    assert 'add prefetch_related("lines") to each view\'s queryset' in lines.message
    assert len(found) == 2
    assert findings(linter, root / "orders" / "api" / "views.py") == []   # nothing at the views


@pytest.mark.parametrize("view", [
    # get_queryset() on a mixin wins over the class's `queryset`, and super() is not read
    '''
    class Mixin:
        def get_queryset(self):
            return super().get_queryset().prefetch_related("lines").select_related("customer")


    class OrderList(Mixin, generics.ListAPIView):
        queryset = Order.objects.all()
        serializer_class = OrderSerializer
    ''',
    # the serializer is chosen at run time
    '''
    class OrderList(generics.ListAPIView):
        queryset = Order.objects.all()
        serializer_class = OrderSerializer

        def get_serializer_class(self):
            return OrderSerializer
    ''',
    # list() is the project's own
    '''
    class OrderList(generics.ListAPIView):
        queryset = Order.objects.all()
        serializer_class = OrderSerializer

        def list(self, request):
            return None
    ''',
    # a base class mdblint cannot read
    '''
    from somewhere import Unknown


    class OrderList(Unknown, generics.ListAPIView):
        queryset = Order.objects.all()
        serializer_class = OrderSerializer
    ''',
    # get_queryset() with two returns
    '''
    class OrderList(generics.ListAPIView):
        serializer_class = OrderSerializer

        def get_queryset(self):
            if self.request.user.is_staff:
                return Order.objects.select_related("customer").prefetch_related("lines")
            return Order.objects.all()
    ''',
    # not a list view
    '''
    class OrderDetail(generics.RetrieveUpdateAPIView):
        queryset = Order.objects.all()
        serializer_class = OrderSerializer
    ''',
], ids=["mixin-get-queryset", "get-serializer-class", "own-list", "unknown-base", "two-returns", "retrieve"])
def test_views_mdblint_cannot_read_whole_are_not_reported(tmp_path, view):
    head = "from rest_framework import generics\n\nfrom orders.api.serializers import OrderSerializer\n" \
           "from orders.models import Order\n\n\n"
    root, linter = project(tmp_path, head + textwrap.dedent(view).lstrip())
    assert findings(linter, root / "orders" / "api" / "serializers.py") == []


@pytest.mark.parametrize("serializers", [
    SERIALIZERS + '''
    def to_representation(self, instance):
        return {"id": instance.pk}
''',
    SERIALIZERS.replace('fields = ["id", "number", "customer", "lines"]', 'fields = BASE_FIELDS + ["customer"]')
    .replace("customer = CustomerSerializer()\n    lines = serializers.PrimaryKeyRelatedField(many=True, read_only=True)",
             'customer = serializers.PrimaryKeyRelatedField(read_only=True)'),
    SERIALIZERS.replace("customer = CustomerSerializer()", "customer = CustomerField()")
    .replace("lines = serializers.PrimaryKeyRelatedField(many=True, read_only=True)", 'lines = serializers.ReadOnlyField(source="*")'),
], ids=["to-representation", "unread-fields-pk-only", "project-field-and-star"])
def test_serializers_mdblint_cannot_read_whole_are_not_reported(tmp_path, serializers):
    root, linter = project(tmp_path, VIEWS, serializers)
    assert findings(linter, root / "orders" / "api" / "serializers.py") == []


def test_an_explicit_call_in_another_module_is_reported_at_the_call(tmp_path):
    views = '''
    from orders.api.serializers import OrderSerializer
    from orders.models import Order


    def order_list(request):
        return OrderSerializer(Order.objects.select_related("customer"), many=True).data


    def one_order(request):
        return OrderSerializer(Order.objects.first()).data
    '''
    root, linter = project(tmp_path, views)
    [(line, message)] = findings(linter, root / "orders" / "api" / "views.py")
    assert line == 6 and "OrderSerializer.lines reads Order.lines for every row that order_list() (" in message
    assert 'add prefetch_related("lines")' in message


def test_fix_adds_the_path_to_the_views_queryset_in_the_same_module(tmp_path):
    code = SERIALIZERS + '''

from rest_framework import generics


class OrderList(generics.ListAPIView):
    queryset = Order.objects.filter(note="")
    serializer_class = OrderSerializer
'''
    root, _ = project(tmp_path, "", code)
    result = run_cli("--fix", "--no-cache", "--select", "MDB306", ".", cwd=root)
    assert "fixed 2 findings in 1 file" in result.stderr, result.stderr
    text = (root / "orders" / "api" / "serializers.py").read_text()
    assert 'queryset = Order.objects.filter(note="").select_related("customer").prefetch_related("lines")' in text
    assert run_cli("--no-cache", "--select", "MDB306", ".", cwd=root).returncode == 0


def test_drf_is_never_imported(tmp_path):
    root, linter = project(tmp_path, VIEWS)
    before = set(sys.modules)
    linter.lint_path(root / "orders" / "api" / "serializers.py")
    assert not {m for m in set(sys.modules) - before if m.startswith(("rest_framework", "orders"))}


def test_reads_of_one_field_loaded_by_one_method_are_one_finding(tmp_path):
    code = '''
from rest_framework import generics, serializers

from orders.models import OrderLine


class LineSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()

    class Meta:
        model = OrderLine
        fields = ["id", "label"]

    def get_label(self, line):
        return f"{line.product.name} in {line.order.number}"


class LineList(generics.ListAPIView):
    queryset = OrderLine.objects.all()
    serializer_class = LineSerializer
'''
    root, linter = project(tmp_path, "", code)
    [finding] = linter.lint_path(root / "orders" / "api" / "serializers.py")[0]
    assert finding.data["paths"] == ["product", "order"] and finding.data["fix"] == 'select_related("product", "order")'
    assert "reads OrderLine.product (line 14) and OrderLine.order (line 14) through LineSerializer.get_label() (" in finding.message
    result = run_cli("--fix", "--no-cache", "--select", "MDB306", ".", cwd=root)
    assert "fixed 1 finding in 1 file" in result.stderr, result.stderr
    assert 'queryset = OrderLine.objects.select_related("product", "order")' in \
        (root / "orders" / "api" / "serializers.py").read_text()


def test_a_key_an_earlier_field_read_is_cached_on_the_row(tmp_path):
    code = SERIALIZERS.replace('    lines = serializers.PrimaryKeyRelatedField(many=True, read_only=True)\n',
                               '    name = serializers.CharField(source="customer.name", read_only=True)\n'
                               '    lines = serializers.PrimaryKeyRelatedField(many=True, read_only=True)\n'
                               '    again = serializers.PrimaryKeyRelatedField(source="lines", many=True, read_only=True)\n')
    code = code.replace('fields = ["id", "number", "customer", "lines"]', 'fields = ["id", "name", "customer", "lines", "again"]')
    root, linter = project(tmp_path, VIEWS, code)
    found = {(f.line, f.data["field"]) for f in linter.lint_path(root / "orders" / "api" / "serializers.py")[0]}
    # `name` is first in Meta.fields: it reads order.customer; the nested `customer` reads it from the cache.
    # Each field over the lines fetches them again.
    assert found == {(14, "name"), (15, "lines"), (16, "again")}
