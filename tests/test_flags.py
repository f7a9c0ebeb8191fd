"""The flags of ruff's that mdblint has too, each as ruff has it, and never a traceback:
--exit-zero, --exit-non-zero-on-fix, stdin (`-` with --stdin-filename), --quiet, --verbose,
--show-files, --config, --isolated, --cache-dir and `mdblint clean`, --color, the output formats,
`rule --list` links, "did you mean" for a misspelt key."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, SAMPLES, run_cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copytree(SAMPLES / "bookstore", tmp_path / "site", ignore=shutil.ignore_patterns(".mdblint_cache"))
    return tmp_path / "site"


def ok(proc, code: int | None = None):
    assert "Traceback" not in proc.stderr, proc.stderr
    if code is not None:
        assert proc.returncode == code, proc.stdout[-2000:] + proc.stderr
    return proc


def concise(proc) -> list[str]:
    return proc.stdout.splitlines()


def test_exit_zero_reports_and_exits_0(site):
    proc = ok(run_cli(".", "--no-cache", "--exit-zero", cwd=site), 0)
    assert proc.stdout.splitlines()[-1].startswith("Found 18 findings")
    # Errors still exit 2.
    assert ok(run_cli("nowhere", "--exit-zero", cwd=site), 2).stderr.startswith("mdblint: error: nowhere")


def test_exit_non_zero_on_fix(site):
    fix = ["--no-cache", "--select", "MDB301,MDB302", "--fix"]
    proc = ok(run_cli(".", *fix, "--exit-non-zero-on-fix", cwd=site), 1)
    assert "fixed 3 findings" in proc.stderr and proc.stdout.startswith("All checks passed!")
    assert ok(run_cli(".", *fix, "--exit-non-zero-on-fix", cwd=site), 0).stdout.startswith("All checks passed!")
    shutil.rmtree(site)
    shutil.copytree(SAMPLES / "bookstore", site, ignore=shutil.ignore_patterns(".mdblint_cache"))
    ok(run_cli(".", *fix, cwd=site), 0)   # without the flag, nothing left: 0
    assert ok(run_cli(".", "--exit-non-zero-on-fix", cwd=site), 2).stderr == \
        "mdblint: error: --exit-non-zero-on-fix needs --fix\n"


def test_stdin_is_checked_as_the_named_file(site):
    views = site / "catalog" / "views.py"
    text = views.read_text()
    on_disk = ok(run_cli("catalog/views.py", "--no-cache", "--format", "json", cwd=site), 1)
    piped = ok(run_cli("-", "--stdin-filename", "catalog/views.py", "--no-cache", "--format", "json",
                       cwd=site, input=text), 1)
    assert json.loads(piped.stdout)["findings"] == json.loads(on_disk.stdout)["findings"]
    # The text on stdin, not the file on disk, is what is checked.
    edited = text + '\n\ndef extra():\n    return Book.objects.using("nope").count()\n'
    piped = ok(run_cli("-", "--stdin-filename", "catalog/views.py", "--no-cache", "--format", "concise",
                       cwd=site, input=edited), 1)
    assert concise(piped)[-1].startswith(f"catalog/views.py:{len(edited.splitlines())}:12: MDB501 unknown database alias 'nope'")
    # As ruff: --stdin-filename without a path reads stdin too; a file name that does not exist
    # is fine (an editor's new buffer), and is checked in the project it would belong to.
    piped = ok(run_cli("--stdin-filename", "catalog/new.py", "--no-cache", "--format", "concise", cwd=site,
                       input='from catalog.models import Book\nBook.objects.using("nope").count()\n'), 1)
    assert concise(piped) == ["catalog/new.py:2:1: MDB501 unknown database alias 'nope' in .using(): Django raises "
                              "ConnectionDoesNotExist; DATABASES defines 'default', 'other', 'replica'"]
    # per-file-ignores and # noqa apply to the name.
    (site / "pyproject.toml").write_text('[tool.mdblint]\nper-file-ignores = {"catalog/new.py" = ["MDB5"]}\n')
    ok(run_cli("-", "--stdin-filename", "catalog/new.py", "--no-cache", cwd=site,
               input='from catalog.models import Book\nBook.objects.using("nope").count()\n'), 0)
    assert ok(run_cli("-", "samples", cwd=site), 2).stderr == "mdblint: error: - (stdin) cannot be combined with other paths\n"


def test_fix_on_stdin_prints_the_fixed_source(site):
    views = site / "catalog" / "views.py"
    text = views.read_text()
    piped = ok(run_cli("-", "--stdin-filename", "catalog/views.py", "--no-cache", "--fix", cwd=site, input=text), 1)
    assert views.read_text() == text, "--fix on stdin never writes the file"
    ok(run_cli("catalog/views.py", "--no-cache", "--fix", cwd=site))
    assert piped.stdout == views.read_text() != text
    assert "MDB301" not in piped.stderr and "MDB101" in piped.stderr   # what remains, on stderr
    diff = ok(run_cli("-", "--stdin-filename", "catalog/views.py", "--no-cache", "--diff", cwd=site, input=text), 1)
    assert diff.stdout.startswith("--- a/catalog/views.py\n+++ b/catalog/views.py\n") and "select_related" in diff.stdout


def test_quiet_and_verbose(site):
    quiet = ok(run_cli(".", "--no-cache", "-q", cwd=site), 1)
    normal = ok(run_cli(".", "--no-cache", cwd=site), 1)
    assert quiet.stdout.splitlines() == normal.stdout.splitlines()[:-1] and quiet.stderr == ""
    assert ok(run_cli(".", "--no-cache", "--select", "MDB0", "--quiet", cwd=site), 0).stdout == ""
    verbose = ok(run_cli(".", "--no-cache", "--verbose", cwd=site), 1)
    assert verbose.stdout == normal.stdout
    assert "mdblint: project .: settings bookstore_site.settings, aliases default, other, replica, " in verbose.stderr
    assert re.search(r"mdblint: 14 files, \d+ parsed, 18 findings in [\d.]+ s", verbose.stderr), verbose.stderr


def test_show_files(site):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nextend-exclude = ["accounts/*"]\n')
    proc = ok(run_cli("--show-files", cwd=site), 0)
    files = proc.stdout.splitlines()
    assert files == sorted(files) and "catalog/views.py" in files and not any(f.startswith("accounts/") for f in files)
    expected = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.py") if "accounts" not in p.parts)
    assert files == expected
    summary = ok(run_cli(".", "--no-cache", cwd=site), 1).stdout.splitlines()[-1]
    assert f"({len(files)} files checked" in summary
    assert ok(run_cli("-", "--stdin-filename", "x/y.py", "--show-files", cwd=site), 0).stdout == "x/y.py\n"


def test_config_file_and_isolated(site, tmp_path):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nignore = ["MDB"]\n')
    assert ok(run_cli(".", "--no-cache", cwd=site), 0).stdout.startswith("All checks passed!")
    assert ok(run_cli(".", "--no-cache", "--isolated", cwd=site), 1).stdout.splitlines()[-1].startswith("Found 18")
    # A TOML file of [tool.mdblint] keys, or a pyproject.toml, named on the command line.
    other = tmp_path / "mdblint.toml"
    other.write_text('select = ["MDB501"]\nper-file-ignores = {"site/catalog/*" = ["MDB501"]}\n')
    proc = ok(run_cli(".", "--no-cache", "--config", str(other), "--format", "concise", cwd=site), 1)
    assert {line.split()[1] for line in concise(proc)} == {"MDB501"}
    assert all(line.startswith("accounts/") for line in concise(proc))   # globs: relative to that file
    py = tmp_path / "conf" / "pyproject.toml"
    py.parent.mkdir()
    py.write_text('[tool.mdblint]\nselect = ["MDB101"]\n')
    proc = ok(run_cli(".", "--no-cache", "--config", str(py), "--format", "concise", cwd=site), 1)
    assert {line.split()[1] for line in concise(proc)} == {"MDB101"}
    show = ok(run_cli("--config", str(py), "--show-settings", cwd=site), 0).stdout
    assert show.splitlines()[0] == f"# configuration: {py}" and f'select = ["MDB101"]  # {py}' in show
    assert ok(run_cli(".", "--config", str(tmp_path / "none.toml"), cwd=site), 2).stderr == \
        f"mdblint: error: --config {tmp_path / 'none.toml'}: no such file\n"
    assert ok(run_cli(".", "--config", str(py), "--isolated", cwd=site), 2).stderr == \
        "mdblint: error: --config and --isolated exclude each other\n"


def test_misspelt_key_did_you_mean(site, tmp_path):
    (site / "pyproject.toml").write_text('[tool.mdblint]\nextend-ignroe = ["MDB3"]\n')
    proc = ok(run_cli(".", cwd=site), 2)
    assert proc.stderr == (f"mdblint: error: {site / 'pyproject.toml'}: unknown key [tool.mdblint] "
                           "'extend-ignroe' (did you mean 'extend-ignore'?)\n")
    (site / "pyproject.toml").write_text('[tool.mdblint]\nzzz = 1\n')
    assert "(known: settings, root, " in ok(run_cli(".", cwd=site), 2).stderr
    other = tmp_path / "mdblint.toml"
    other.write_text('selet = ["MDB5"]\n')
    assert "'selet' (did you mean 'select'?)" in ok(run_cli(".", "--config", str(other), cwd=site), 2).stderr


def test_cache_dir_flag_key_and_clean(site, tmp_path):
    cache = tmp_path / "cache"
    ok(run_cli(".", "--cache-dir", str(cache), cwd=site), 1)
    assert any(cache.glob("*.msgpack")) and not (site / ".mdblint_cache").exists()
    (site / "pyproject.toml").write_text('[tool.mdblint]\ncache-dir = "build/lint-cache"\n')
    ok(run_cli(".", cwd=site), 1)
    assert any((site / "build" / "lint-cache").glob("*.msgpack")) and not (site / ".mdblint_cache").exists()
    show = ok(run_cli("--show-settings", cwd=site), 0).stdout
    assert f'cache-dir = "{(site / "build" / "lint-cache").as_posix()}"' in show
    (site / "pyproject.toml").unlink()
    ok(run_cli(".", cwd=site), 1)
    assert (site / ".mdblint_cache").is_dir()
    (site / "keep").mkdir()
    (site / "keep" / "notes.txt").write_text("mine")
    # `mdblint clean`: the project's cache folders, the configured one, never another folder.
    (site / "pyproject.toml").write_text('[tool.mdblint]\ncache-dir = "build/lint-cache"\n')
    proc = ok(run_cli("clean", cwd=site), 0)
    assert not (site / ".mdblint_cache").exists() and not (site / "build" / "lint-cache").exists()
    assert "removed" in proc.stderr and (site / "keep" / "notes.txt").read_text() == "mine"
    ok(run_cli("clean", "--cache-dir", str(cache), cwd=site), 0)
    assert not cache.exists()
    ok(run_cli("clean", "--cache-dir", str(site / "keep"), cwd=site), 0)
    assert (site / "keep" / "notes.txt").exists(), "a folder that is no mdblint cache is left alone"


def test_color_flag_and_environment(site):
    unset = {"FORCE_COLOR": "", "NO_COLOR": ""}   # empty: as if unset (no-color.org, force-color.org)
    plain = ok(run_cli(".", "--no-cache", cwd=site, env_extra=unset), 1).stdout
    always = ok(run_cli(".", "--no-cache", "--color", "always", cwd=site, env_extra=unset), 1).stdout
    assert not ANSI.search(plain) and ANSI.search(always) and ANSI.sub("", always) == plain
    forced = ok(run_cli(".", "--no-cache", cwd=site, env_extra={"FORCE_COLOR": "1"}), 1).stdout
    assert forced == always
    never = ok(run_cli(".", "--no-cache", "--color", "never", cwd=site, env_extra={"FORCE_COLOR": "1"}), 1).stdout
    assert never == plain
    assert ok(run_cli(".", "--no-cache", cwd=site, env_extra={"FORCE_COLOR": "1", "NO_COLOR": "1"}), 1).stdout == plain
    assert not ANSI.search(ok(run_cli(".", "--no-cache", "--color", "always", "--format", "json", cwd=site), 1).stdout)


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "pylint"])
def test_every_format_from_the_command_line(site, fmt):
    proc = ok(run_cli(".", "--no-cache", "--format", fmt, cwd=site), 1)
    assert proc.stdout
    clean = ok(run_cli(".", "--no-cache", "--format", fmt, "--select", "MDB0", cwd=site), 0)
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(clean.stdout)
    assert ok(run_cli(".", "--no-cache", "--output-format", fmt, cwd=site), 1).stdout == proc.stdout


def test_rule_list_links_to_the_repository():
    proc = ok(run_cli("rule", "--list"), 0)
    links = re.findall(r"\]\(([^)]+)\)", proc.stdout)
    assert links and all(link.startswith("https://github.com/mdblint/mdblint/blob/main/rules/MDB") for link in links)
    # The README keeps links to the folder it sits next to.
    assert "](rules/MDB501/README.md)" in (REPO / "README.md").read_text()


def test_the_format_flag_offers_every_writer():
    from mdblint.cli import FORMAT_NAMES
    from mdblint.report import FORMATS

    assert set(FORMAT_NAMES) == set(FORMATS)
