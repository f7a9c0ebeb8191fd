"""The reference runtime (mdblint.runtime) against the throwaway project tests/runtime_project.

All fixtures under tests/runtime_project/fixtures run in one subprocess, with the interpreter
running these tests (so each venv checks its own Django).
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from mdblint.runtime import fixture_sample, run_fixtures
from mdblint.runtime.oracles import queries_grow, raises, wrong_result

PROJECT = Path(__file__).parent / "runtime_project"
FIXTURES = PROJECT / "fixtures"
REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reports():
    paths = sorted(FIXTURES.glob("*.py"))
    return {Path(r.path).name: r for r in run_fixtures(paths, PROJECT)}


def test_every_fixture_reported_in_order(reports):
    assert list(reports) == sorted(p.name for p in FIXTURES.glob("*.py"))
    assert {r.kind for name, r in reports.items() if name.startswith("bad_")} == {"bad"}
    assert {r.kind for name, r in reports.items() if name.startswith("good_")} == {"good"}


def test_versions_are_the_subprocess_ones(reports):
    django = pytest.importorskip("django")
    report = reports["good_select_related.py"]
    assert report.django == django.get_version()
    assert report.python == ".".join(map(str, sys.version_info[:3]))


def test_cross_alias_fk_raises(reports):
    r = reports["bad_fk_cross_alias.py"]
    assert r.ok, r.explanation
    assert [run.n for run in r.runs] == [3, 6]
    assert r.runs[0].exception.type == "ValueError"
    assert "router prevents this relation" in r.runs[0].exception.message
    assert r.runs[0].result is None
    assert "raised ValueError: Cannot assign" in r.explanation and "at n=3 and n=6" in r.explanation


def test_same_alias_twin_is_good(reports):
    r = reports["good_fk_same_alias.py"]
    assert r.ok, r.explanation
    assert r.runs[0].exception is None and r.runs[0].result == "'second'"


def test_nplus1_queries_grow(reports):
    r = reports["bad_nplus1.py"]
    assert r.ok, r.explanation
    assert [run.queries["default"] for run in r.runs] == [4, 7]
    assert r.explanation == "queries on 'default': 4 at n=3, 7 at n=6"


def test_select_related_twin_is_good(reports):
    r = reports["good_select_related.py"]
    assert r.ok, r.explanation
    assert [run.queries for run in r.runs] == [{"default": 1, "other": 0, "mirror": 0}] * 2


def test_exists_over_other_is_silently_wrong(reports):
    r = reports["bad_exists_other.py"]
    assert r.ok, r.explanation
    assert [run.result for run in r.runs] == ["[]", "[]"]
    assert [run.queries["other"] for run in r.runs] == [0, 0]  # evaluated on default


def test_bad_fixture_that_behaves_fails(reports):
    r = reports["bad_not_misbehaving.py"]
    assert not r.ok
    assert "returned 'b0' at n=3 and n=6" in r.explanation
    assert "expected ValueError" in r.explanation


def test_good_fixture_whose_queries_grow_fails(reports):
    r = reports["good_claimed_but_grows.py"]
    assert not r.ok
    assert "query count changed with n" in r.explanation and "4 at n=3, 7 at n=6" in r.explanation


def test_import_error_does_not_stop_the_others(reports):
    r = reports["bad_import_error.py"]
    assert not r.ok and r.runs == []
    assert r.explanation == "error in import: ModuleNotFoundError: No module named 'shop.no_such_module'"
    # fixtures sorted after it still ran
    assert reports["bad_not_misbehaving.py"].runs and reports["good_select_related.py"].ok


def test_setup_error_is_reported(reports):
    r = reports["good_setup_error.py"]
    assert not r.ok
    assert r.explanation == "error in setup(3): LookupError: setup broke at n=3"


def test_bad_fixture_without_oracle_is_an_error(reports):
    r = reports["bad_no_oracle.py"]
    assert not r.ok and "needs ORACLE" in r.explanation


def test_mirror_alias_sees_default_rows(reports):
    r = reports["good_mirror.py"]
    assert r.ok, r.explanation
    assert [run.result for run in r.runs] == ["(3, 3, 0)", "(6, 6, 0)"]


def test_settings_reach_the_router(reports):
    # the project's router allows default<->mirror; SETTINGS removing it makes Django refuse
    assert reports["good_router_allows_mirror.py"].ok, reports["good_router_allows_mirror.py"].explanation
    assert reports["bad_routers_removed.py"].ok, reports["bad_routers_removed.py"].explanation


def test_tables_m2m_and_reset_sequences(reports):
    r = reports["good_m2m_sequences.py"]
    assert r.ok, r.explanation
    assert [run.result for run in r.runs] == ["(1, 1, 1, True)"] * 2


def _cli(*args):
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    cmd = [sys.executable, "-m", "mdblint.runtime", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO_ROOT)


def test_cli_stdout_is_only_json():
    proc = _cli("--sample", str(PROJECT), "--settings", "rtproject.settings", str(FIXTURES / "bad_nplus1.py"))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"django", "python", "fixtures"}
    (fx,) = doc["fixtures"]
    assert set(fx) == {"path", "kind", "ok", "explanation", "runs"}
    assert set(fx["runs"][0]) == {"n", "queries", "exception", "result"}
    assert "fixture output must not reach stdout" in proc.stderr


def test_cli_exit_status_is_1_when_a_fixture_fails():
    proc = _cli("--sample", str(PROJECT), str(FIXTURES / "bad_not_misbehaving.py"))
    assert proc.returncode == 1 and json.loads(proc.stdout)["fixtures"][0]["ok"] is False


def test_crash_raises_runtime_error():
    with pytest.raises(RuntimeError, match="No module named 'no_such_settings'"):
        run_fixtures([FIXTURES / "good_mirror.py"], PROJECT, settings="no_such_settings")


def test_fixture_sample(tmp_path):
    assert fixture_sample(FIXTURES / "good_m2m_sequences.py") == "runtime_project"
    assert fixture_sample(FIXTURES / "good_mirror.py") == "bookstore"
    late = tmp_path / "late.py"
    late.write_text("\n" * 5 + "# fixture: sample=late\n")
    assert fixture_sample(late) == "bookstore"


# The oracles alone, on hand-made runs.


def _run(n, queries=None, exc=None, result=None):
    exception = exc and SimpleNamespace(type=exc.__name__, mro=[c.__name__ for c in exc.__mro__], message="boom")
    return SimpleNamespace(n=n, queries=queries or {"default": 1}, exception=exception, result=result)


def test_raises_matches_the_mro_and_message():
    runs = [_run(3, exc=KeyError), _run(6, exc=KeyError)]
    assert raises("LookupError", match="bo+m")(runs) == (True, "raised KeyError: boom at n=3 and n=6")
    ok, text = raises("LookupError", match="bang")(runs)
    assert not ok and "expected LookupError matching 'bang'" in text
    ok, text = raises("KeyError")([_run(3, exc=KeyError), _run(6, result=[1])])
    assert not ok and text.startswith("raised KeyError: boom at n=3; returned [1] at n=6")


def test_queries_grow():
    runs = [_run(3, {"default": 2, "other": 4}), _run(6, {"default": 2, "other": 7})]
    assert queries_grow()(runs) == (True, "queries in total: 6 at n=3, 9 at n=6")
    assert queries_grow("default")(runs)[0] is False
    ok, text = queries_grow()([_run(3, exc=ValueError), _run(6, exc=ValueError)])
    assert not ok and "expected no exception" in text


def test_wrong_result():
    runs = [_run(3, result=[]), _run(6, result=["x"])]
    ok, text = wrong_result(lambda r: r == [])(runs)
    assert not ok and text.endswith("not wrong at n=6)")
    assert wrong_result(lambda r: len(r) < 2)(runs) == (True, "returned [] at n=3; returned ['x'] at n=6")
