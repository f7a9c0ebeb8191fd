"""The wheel as users get it: LICENSE, py.typed, the rule docs, the metadata's URLs and classifiers."""

from __future__ import annotations

import email
import subprocess
import sys
import zipfile

import pytest

from tests.helpers import REPO

pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)], cwd=REPO,
                   check=True, capture_output=True, timeout=300)
    [path] = out.glob("mdblint-*.whl")
    return zipfile.ZipFile(path)


def test_the_wheel_ships_license_types_and_docs(wheel):
    names = set(wheel.namelist())
    assert "mdblint/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "mdblint/api.py" in names and "mdblint/_catalog/MDB500/README.md" in names
    assert not any(n.startswith(("tests/", "rules/")) for n in names)


def test_metadata(wheel):
    [name] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    meta = email.message_from_bytes(wheel.read(name))
    assert meta["License-Expression"] == "MIT" and "MIT License" in (REPO / "LICENSE").read_text()
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Homepage", "Repository", "Issues", "Documentation"} <= set(urls)
    classifiers = set(meta.get_all("Classifier"))
    assert {"Typing :: Typed", "Framework :: Django :: 5.2", "Programming Language :: Python :: 3.11",
            "Programming Language :: Python :: 3.12"} <= classifiers
