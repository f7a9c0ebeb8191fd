"""Templates (mdblint/analysis/templates.py, mdblint/project/templates.py): how they are found and
read, and what is said when they cannot be. The per-row reads themselves are proved by the
`*_template_*` fixtures under rules/MDB301 and rules/MDB302 (tests/test_catalog.py, test_fix.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mdblint.checks import select_rules
from mdblint.engine import Linter
from mdblint.project import templates as found
from tests.helpers import REPO, load_sample

pytest.importorskip("django")


def test_the_lexer_needs_no_settings_and_imports_no_project_code():
    code = (
        "import sys\n"
        "from mdblint.project.templates import parse\n"
        "nodes = parse('{% for o in orders %}{{ o.customer.name }}{% endfor %}')\n"
        "from django.conf import settings\n"
        "print(settings.configured, [n.kind for n in nodes], 'orders' in sys.modules,"
        " any(m.startswith('django.db.models') for m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         env={"PATH": "/usr/bin:/bin"}, timeout=120)
    assert out.stdout.split() == ["False", "['for']", "False", "False"], out.stderr


def test_tags_nest_as_django_nests_them():
    nodes = found.parse("{% for o in rows %}{{ o.a }}{% empty %}none{% endfor %}"
                        "{% comment %}{{ hidden.x }}{% endcomment %}{% if a %}{{ b }}{% elif c %}{% else %}{% endif %}")
    assert [n.kind for n in nodes] == ["for", "if"]
    loop, test = nodes
    assert [n.text for n in loop.branches[0][1]] == ["{{ o.a }}"] and loop.branches[1][0] == ["empty"]
    assert [bits[0] for bits, _ in test.branches] == ["if", "elif", "else"]
    assert found.parse("{% for o in rows %}") is None            # never closed
    assert found.parse("{% endif %}") is None                     # closes nothing


def test_a_name_two_folders_hold_is_not_resolved(tmp_path):
    for app in ("a", "b"):
        (tmp_path / app / "templates" / "x").mkdir(parents=True)
        (tmp_path / app / "templates" / "x" / "same.html").write_text("{{ o }}")
    (tmp_path / "a" / "templates" / "x" / "one.html").write_text("{{ o }}")
    index = found.TemplateIndex(tmp_path)
    assert index.find("x/same.html") is None
    assert index.find("x/one.html") == tmp_path / "a" / "templates" / "x" / "one.html"
    assert index.find("../a/templates/x/one.html") is None and index.find("x/missing.html") is None


def _lint(name: str):
    path = REPO / "rules" / name
    return Linter(load_sample("shop"), select_rules()).lint_path(path)[0]


def test_findings_carry_the_template_location():
    (f,) = [f for f in _lint("MDB301/bad_template_include.py") if f.code == "MDB301"]
    assert f.line == 21   # the render call
    assert f.data["template"] == {"path": "samples/shop/orders/templates/orders/_order_row.html", "line": 1}
    assert [(s["call"], s["line"]) for s in f.data["via"]] == [
        ("{% for order in order_list %}", 1), ('{% include "orders/_order_row.html" %}', 2),
        ("{{ order.customer.name }}", 1)]
    assert f.data["loop"] == {"path": "samples/shop/orders/templates/orders/order_include.html", "line": 1}


def test_json_and_sarif_carry_the_template_location(tmp_path):
    import shutil

    from tests.helpers import run_cli
    root = tmp_path / "shop"
    shutil.copytree(REPO / "samples" / "shop", root)
    shutil.copy(REPO / "rules" / "MDB301" / "bad_template_for.py", root / "orders" / "listing.py")
    out = run_cli("--select", "MDB301", "--format", "json", "--no-cache", "--exit-zero", "orders/listing.py", cwd=root)
    (finding,) = json.loads(out.stdout)["findings"]
    assert finding["line"] == 20
    assert finding["data"]["template"] == {"path": "orders/templates/orders/order_list.html", "line": 2}
    sarif = json.loads(run_cli("--select", "MDB301", "--format", "sarif", "--no-cache", "--exit-zero",
                               "orders/listing.py", cwd=root).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["properties"]["template"] == {"path": "orders/templates/orders/order_list.html", "line": 2}


def test_without_django_templates_are_skipped_and_said_once(monkeypatch):
    from mdblint.project.problems import project_problems
    project = load_sample("shop")
    assert not [p for p in project_problems(project) if p.cause == "templates-unread"]
    monkeypatch.setattr(found, "_lexer", lambda: None)
    problems = [p for p in project_problems(project) if p.cause == "templates-unread"]
    assert len(problems) == 1 and "not read" in problems[0].message
    assert [f for f in _lint("MDB301/bad_template_for.py") if f.code == "MDB301"] == []


def test_an_unknown_template_is_silent(tmp_path):
    source = (REPO / "rules" / "MDB301" / "bad_template_for.py").read_text()
    for name in ('"orders/missing.html"', 'f"orders/{request.GET[\'t\']}.html"'):
        path = tmp_path / "view.py"
        path.write_text(source.replace('"orders/order_list.html"', name))
        findings = Linter(load_sample("shop"), select_rules()).lint_path(path)[0]
        assert [f for f in findings if f.code.startswith("MDB3")] == [], name


def test_an_edited_template_is_read_again_by_a_cached_run(tmp_path):
    import shutil

    from tests.helpers import run_cli
    root = tmp_path / "shop"
    shutil.copytree(REPO / "samples" / "shop", root)
    shutil.copy(REPO / "rules" / "MDB301" / "bad_template_for.py", root / "orders" / "listing.py")
    args = ("--select", "MDB301", "--format", "json", "--exit-zero", "--cache-dir", str(tmp_path / "cache"),
            "orders/listing.py")
    assert len(json.loads(run_cli(*args, cwd=root).stdout)["findings"]) == 1
    template = root / "orders" / "templates" / "orders" / "order_list.html"
    template.write_text(template.read_text().replace("order.customer.name", "order.customer_id"))
    assert json.loads(run_cli(*args, cwd=root).stdout)["findings"] == []
