"""Hostile inputs (issue 14, items 1, 5, 6, 7): a planted cache never runs code, odd files are
findings, bad configuration is one line and exit 2, and --fix leaves what it must not replace."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from mdblint import cli
from tests.helpers import SAMPLES, run_cli

NOBODY = 65534


class Planted:
    """A pickle that, when loaded, creates `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def findings(site: Path, *args: str, env: dict | None = None) -> tuple[list, str]:
    proc = run_cli(".", "--format", "json", *args, cwd=site, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    return [(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(proc.stdout)["findings"]], proc.stderr


def flake8(site: Path, env: dict) -> set:
    proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "MDB", "--jobs", "2", "."], cwd=site,
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stderr
    return set(proc.stdout.splitlines())


# -- item 1: the cache is data --------------------------------------------------------------

def test_planted_pickle_in_every_cache_file_and_name_runs_nothing(tmp_path: Path) -> None:
    site = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", site)
    cache = tmp_path / "cache"
    env = {**os.environ, "MDBLINT_CACHE_DIR": str(cache)}
    expected, _ = findings(site, "--no-cache")
    expected_flake8 = flake8(site, {**os.environ, "MDBLINT_CACHE_DIR": str(tmp_path / "none")})
    assert findings(site, env=env)[0] == expected
    assert flake8(site, env) == expected_flake8
    names = sorted(p.name for p in cache.iterdir())
    assert any(n.startswith("flake8-") for n in names) and any(n.startswith("results-") for n in names)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Planted(marker))
    for path in list(cache.iterdir()):
        stem = path.name.split(".")[0]
        path.write_bytes(payload)       # every file: entries, locks, .gitignore
        # and every name a cache of another format or version could read
        for suffix in (".pickle", ".pkl", ".v0.msgpack", ".v2.msgpack", ".json", ".msgpack", "") if stem else ():
            (cache / f"{stem}{suffix}").write_bytes(payload)
    for _ in range(2):      # the planted files, then what the first run rebuilt beside them
        assert findings(site, env=env)[0] == expected
        assert flake8(site, env) == expected_flake8
        assert not marker.exists()


@pytest.mark.parametrize("variant", ["json", "wrong msgpack", "truncated", "empty", "folder"])
def test_flake8_entries_of_the_wrong_shape_are_rebuilt(tmp_path: Path, variant: str) -> None:
    import msgspec

    site = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", site)
    cache = tmp_path / "cache"
    env = {**os.environ, "MDBLINT_CACHE_DIR": str(cache)}
    expected = flake8(site, env)
    for path in list(cache.glob("flake8-*")):
        data = path.read_bytes()
        if variant == "folder":
            path.unlink()
            path.mkdir()
            continue
        path.write_bytes({"json": b'{"a": [1, 2]}', "wrong msgpack": msgspec.msgpack.encode(["mdblint-cache", 1, {"x": 1}]),
                          "truncated": data[:len(data) // 2], "empty": b""}[variant])
    assert flake8(site, env) == expected


# -- item 5: files ----------------------------------------------------------------------------

def test_symlink_loops_are_findings_not_crashes(tmp_path: Path) -> None:
    site = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", site)
    expected, _ = findings(site, "--no-cache")
    (site / "catalog" / "loop1").symlink_to("loop2")
    (site / "catalog" / "loop2").symlink_to("loop1")
    (site / "catalog" / "self.py").symlink_to("self.py")
    found, _ = findings(site, "--no-cache")
    assert sorted(set(found) - set(expected)) == [("catalog/self.py", 1, 1, "MDB001")]
    for named in ("catalog/loop1", "catalog/self.py"):
        proc = run_cli(named, "--no-cache", "--format", "json", cwd=site)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
        assert [f["code"] for f in json.loads(proc.stdout)["findings"]] == ["MDB001"]


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "json-lines", "sarif", "gitlab", "junit", "pylint", "github"])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    site = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", site)
    views = site / "catalog" / "views.py"
    shutil.copy(views, os.fsdecode(os.fsencode(site / "catalog") + b"/caf\xe9.py"))
    out = tmp_path / "report"
    for cache in ("--no-cache", "--cache", "--cache"):     # cold, then warm from the cache
        proc = subprocess.run([sys.executable, "-m", "mdblint", ".", "--format", fmt, cache, "--cache-dir", str(tmp_path / "c"),
                               "-o", str(out)], cwd=site, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
                              timeout=300)
        assert proc.returncode == 1 and b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr, proc.stderr
        report = out.read_bytes()
        if fmt in ("json", "sarif", "gitlab", "json-lines", "junit"):
            report.decode("utf-8")          # a valid document, the name escaped
        assert report.count(b"caf") >= 2, report[:300]
    if fmt == "json":
        paths = {f["path"] for f in json.loads(report)["findings"]}
        assert os.fsencode("catalog/caf\udce9.py") == b"catalog/caf\xe9.py" and "catalog/caf\udce9.py" in paths
    if fmt == "sarif":
        assert b"catalog/caf%E9.py" in report


def _as_nobody() -> list[str] | None:
    """The command prefix that runs a child as `nobody` (as root), or None if this user is not
    root (then chmod 000 denies access already)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv:
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        # The interpreter must run as nobody too: one under root's home (a pyenv build whose
        # libpython lies there) cannot, and then nothing here can be tried as nobody.
        probe = subprocess.run([*prefix, sys.executable, "-c", "import mdblint"], capture_output=True, cwd="/")
        return prefix if probe.returncode == 0 else None
    return None


@pytest.fixture
def open_tmp():
    """A folder every user can reach (pytest's tmp_path is under a folder of mode 700)."""
    folder = Path(tempfile.mkdtemp(prefix="mdblint-hostile-"))
    folder.chmod(0o755)
    yield folder
    for p in folder.rglob("*"):
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_folder_that_cannot_be_entered_is_an_mdb001_finding(open_tmp: Path) -> None:
    tmp_path = open_tmp
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("running as root, and nobody cannot run this interpreter (or no setpriv): chmod 000 denies root nothing")
    if prefix and not os.access(sys.executable, os.X_OK):
        pytest.skip("the interpreter is not reachable by nobody")
    base = tmp_path / "t"
    site = base / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", site)
    secret = site / "catalog" / "secret"
    secret.mkdir()
    shutil.copy(site / "catalog" / "views.py", secret / "views.py")
    for p in [tmp_path, base, *site.rglob("*"), site]:
        p.chmod(p.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))
    secret.chmod(0)
    try:
        for named, shown in ((".", "catalog/secret"), ("catalog/secret", "catalog/secret"),
                             ("catalog/secret/views.py", "catalog/secret/views.py")):
            proc = subprocess.run([*prefix, sys.executable, "-m", "mdblint", named, "--no-cache", "--format", "json"],
                                  cwd=site, capture_output=True, text=True, timeout=300,
                                  env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
            assert proc.returncode == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
            found = [(f["path"], f["code"], f["message"]) for f in json.loads(proc.stdout)["findings"] if f["code"] == "MDB001"]
            assert found == [(shown, "MDB001", f"cannot read {'file' if shown.endswith('.py') else 'folder'}: Permission denied")]
    finally:
        secret.chmod(0o755)


# -- item 6: configuration --------------------------------------------------------------------

def _main(argv: list[str], cwd: Path, capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(cwd)
    try:
        code = cli.main(argv)
    except SystemExit as e:
        code = e.code
    return code, capsys.readouterr().err


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.py").write_text("x = 1\n")
    return site


BAD_FLAGS = [
    ["--select", ","], ["--select", ""], ["--select", "mdb501"], ["--ignore", ""], ["--ignore", "mdb5"],
    ["--extend-select", ","], ["--extend-ignore", ""], ["--settings", ""], ["--settings", "a b"], ["--root", ""],
    ["--databases", ""], ["--databases", ","], ["--extend-databases", ""], ["--read-only", ""],
    ["--relation-groups", ""], ["--relation-groups", "+"], ["--relation-groups", "a+b,+"],
    ["--exclude", "["], ["--exclude", ""], ["--exclude", "[z-a]"], ["--extend-exclude", "a["],
    ["--per-file-ignores", ":"], ["--per-file-ignores", "a:"], ["--per-file-ignores", ":MDB101"],
    ["--per-file-ignores", "a:mdb101"], ["--extend-per-file-ignores", ":"], ["--django-version", ""],
    ["--django-version", "x"], ["--jobs", "0"], ["--jobs", "x"], ["--cache-dir", ""], ["--baseline", ""],
    ["--config", ""], ["--stdin-filename", ""], ["--format", "x"], ["--color", ""], ["--output-file", ""],
]


@pytest.mark.parametrize("argv", BAD_FLAGS, ids=[" ".join(a) or "-" for a in BAD_FLAGS])
def test_a_bad_flag_value_is_one_line_and_exit_2(argv, tiny, capsys, monkeypatch) -> None:
    code, err = _main([".", "--no-cache", *argv], tiny, capsys, monkeypatch)
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("mdblint: error:"), err


BAD_KEYS = [
    ("settings", 1), ("settings", ""), ("settings", ["a"]), ("root", 3), ("root", ""), ("databases", "default"),
    ("databases", []), ("databases", [""]), ("databases", [1]), ("extend-databases", [""]), ("relation-groups", ["a"]),
    ("relation-groups", [[]]), ("read-only", [""]), ("select", "MDB"), ("select", []), ("select", ["mdb501"]),
    ("select", [""]), ("ignore", ["mdb5"]), ("extend-select", [1]), ("extend-ignore", "x"),
    ("per-file-ignores", ["a"]), ("per-file-ignores", {"a": "MDB101"}), ("per-file-ignores", {"": ["MDB101"]}),
    ("per-file-ignores", {"a": []}), ("per-file-ignores", {"a": ["mdb101"]}), ("exclude", "x"), ("exclude", ["["]),
    ("exclude", [""]), ("extend-exclude", ["[z-a]"]), ("respect-gitignore", "yes"), ("force-exclude", 1),
    ("django-version", 5.2), ("django-version", "5"), ("cache", "no"), ("cache-dir", ""), ("cache-dir", 1),
    ("jobs", 0), ("jobs", True), ("jobs", 1.5), ("strict", 1), ("nonsense", 1),
]


def _toml(value) -> str:
    return json.dumps(value) if not isinstance(value, dict) else \
        "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


@pytest.mark.parametrize("how", ["pyproject", "--config pyproject", "--config mdblint.toml"])
def test_a_config_key_of_the_wrong_type_is_one_line_and_exit_2(how, tiny, capsys, monkeypatch) -> None:
    for key, value in BAD_KEYS:
        line = f"{key} = {_toml(value).replace('true', 'true')}"
        if how == "--config mdblint.toml":
            (tiny / "mdblint.toml").write_text(line + "\n")
            argv = ["--config", "mdblint.toml"]
        else:
            (tiny / "pyproject.toml").write_text(f"[tool.mdblint]\n{line}\n")
            argv = ["--config", "pyproject.toml"] if how.startswith("--config") else []
        code, err = _main([".", "--no-cache", *argv], tiny, capsys, monkeypatch)
        assert code == 2 and len(err.splitlines()) == 1 and err.startswith("mdblint: error:"), (line, err)


@pytest.mark.parametrize("document", ["tool = 1", 'tool = "mdblint"', "project = 3", '[project]\nname = "x"\n[tool]\nmdblint = 1'])
@pytest.mark.parametrize("how", ["pyproject", "--config"])
def test_a_pyproject_of_the_wrong_shape_is_one_line_and_exit_2(document, how, tiny, capsys, monkeypatch) -> None:
    (tiny / "pyproject.toml").write_text(document + "\n")
    argv = ["--config", "pyproject.toml"] if how == "--config" else []
    code, err = _main([".", "--no-cache", *argv], tiny, capsys, monkeypatch)
    assert code == 2 and len(err.splitlines()) == 1 and "internal error" not in err, err


def test_flake8_reports_a_bad_pyproject_as_mdb500(tiny) -> None:
    (tiny / "pyproject.toml").write_text("tool = 1\n")
    proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "MDB", "."], cwd=tiny, capture_output=True,
                          text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "MDB500" in proc.stdout and "tool must be a table" in proc.stdout, proc.stdout


def test_output_file(tiny, capsys, monkeypatch) -> None:
    code, err = _main([".", "--no-cache", "-o", "made/on/demand/report.txt"], tiny, capsys, monkeypatch)
    assert code == 0 and (tiny / "made/on/demand/report.txt").is_file(), err
    (tiny / "plain").write_text("")
    for target in ("made", "plain/report.txt", "plain/deeper/report.txt"):
        code, err = _main([".", "--no-cache", "-o", target], tiny, capsys, monkeypatch)
        errors = [line for line in err.splitlines() if "error" in line]     # after the no-project warning
        assert code == 2 and len(errors) == 1 and errors[0].startswith("mdblint: error: --output-file"), err


def test_rule_without_a_code_is_a_usage_error(capsys, monkeypatch, tiny) -> None:
    code, err = _main(["rule"], tiny, capsys, monkeypatch)
    assert code == 2 and len(err.splitlines()) == 1, err
    assert _main(["rule", "--list"], tiny, capsys, monkeypatch)[0] == 0


# -- item 7: --fix ------------------------------------------------------------------------------

FIXABLE = "catalog/views.py"


def _fix_site(tmp_path: Path) -> Path:
    site = tmp_path / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", site)
    return site


def _fix(site: Path) -> subprocess.CompletedProcess:
    proc = run_cli(".", "--fix", "--no-cache", cwd=site)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    return proc


def test_fix_leaves_a_read_only_file(tmp_path: Path) -> None:
    site = _fix_site(tmp_path)
    target = site / FIXABLE
    before = target.read_bytes()
    target.chmod(0o444)
    proc = _fix(site)
    assert target.read_bytes() == before and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert f"no fix written to {FIXABLE} (the file is read-only)" in proc.stderr


def test_fix_in_a_read_only_folder(open_tmp: Path) -> None:
    tmp_path = open_tmp
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("running as root, and nobody cannot run this interpreter (or no setpriv)")
    site = _fix_site(tmp_path)
    for p in [tmp_path, *site.rglob("*"), site]:
        p.chmod(p.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))
    target = site / FIXABLE
    before = target.read_bytes()
    if prefix:
        os.chown(target, NOBODY, NOBODY)      # the file is nobody's, its folder root's (read-only to nobody)
    else:
        target.parent.chmod(0o555)
    try:
        proc = subprocess.run([*prefix, sys.executable, "-m", "mdblint", ".", "--fix", "--no-cache"], cwd=site,
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    finally:
        target.parent.chmod(0o755)
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert target.read_bytes() == before
    assert f"no fix written to {FIXABLE} (cannot write beside it: Permission denied)" in proc.stderr


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    site = _fix_site(tmp_path)
    target = site / FIXABLE
    link = tmp_path / "link.py"
    os.link(target, link)
    before = target.read_bytes()
    _fix(site)
    assert target.read_bytes() != before
    assert os.path.samefile(target, link) and link.read_bytes() == target.read_bytes()


def test_fix_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    site = _fix_site(tmp_path)
    target = site / FIXABLE
    os.chown(target, NOBODY, NOBODY)
    target.chmod(0o640)
    before = target.read_bytes()
    _fix(site)
    st = target.stat()
    assert target.read_bytes() != before
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (NOBODY, NOBODY, 0o640)


def test_fix_still_replaces_by_rename(tmp_path: Path) -> None:
    """The normal case keeps the crash-safety: the fixed text is a new file renamed over the old."""
    site = _fix_site(tmp_path)
    target = site / FIXABLE
    inode = target.stat().st_ino
    _fix(site)
    assert target.stat().st_ino != inode
    assert not list(target.parent.glob(".*.mdblint-fix"))
