"""`mdblint server`: a real LSP session (the server a subprocess on stdio, JSON-RPC spoken here),
and the session underneath (warm index, what each request re-checks, the edits it offers)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import queue
from pathlib import Path
from typing import Any

import pytest

from mdblint.findings import Finding
from tests.helpers import REPO

pytest.importorskip("pygls")

from mdblint.server import Session, _lsp_lines, _utf16, edits, with_noqa  # noqa: E402


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC over the server's stdin/stdout."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "mdblint", "server"], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.ids = 0
        self.messages: queue.Queue = queue.Queue()
        self.pending: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.ids += 1
        self.send({"id": self.ids, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == self.ids and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, wanted, timeout: float = 120) -> dict:
        for i, message in enumerate(self.pending):
            if wanted(message):
                return self.pending.pop(i)
        while True:
            message = self.messages.get(timeout=timeout)
            assert message is not None, "the server closed its output: " + self.proc.stderr.read().decode()[-3000:]
            if wanted(message):
                return message
            if message.get("method") == "window/showMessageRequest" or (
                    "id" in message and "method" in message):   # a request from the server: answer it
                self.send({"id": message["id"], "result": None})
            else:
                self.pending.append(message)

    def diagnostics(self, uri: str) -> list[dict]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri)
        return message["params"]["diagnostics"]


def _apply(text: str, text_edits: list[dict]) -> str:
    """Apply LSP TextEdits (positions in UTF-16 units) to `text`."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(pos: dict) -> int:
        if pos["line"] >= len(lines):
            return len(text)
        line, units, i = lines[pos["line"]], 0, 0
        while i < len(line) and units < pos["character"]:
            units += len(line[i].encode("utf-16-le")) // 2
            i += 1
        return starts[pos["line"]] + i

    for edit in sorted(text_edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        text = text[:offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]):]
    return text


def _cli(root: Path, *paths: str) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "mdblint", "--format", "json", "--no-cache", *paths], cwd=root,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


@pytest.fixture
def bookstore(tmp_path: Path) -> Path:
    root = tmp_path / "bookstore"
    shutil.copytree(REPO / "samples" / "bookstore", root, ignore=shutil.ignore_patterns("__pycache__", ".mdblint_cache"))
    return root


def test_lsp_session(bookstore: Path) -> None:
    client = Client(bookstore)
    try:
        result = client.request("initialize", {
            "processId": os.getpid(), "rootUri": bookstore.as_uri(),
            "capabilities": {"textDocument": {
                "publishDiagnostics": {},
                "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}},
                "synchronization": {"didSave": True}}}})
        caps = result["capabilities"]
        assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix", "source.fixAll"]
        assert caps["textDocumentSync"]["openClose"] is True and caps["textDocumentSync"]["save"]
        assert result["serverInfo"]["name"] == "mdblint"
        client.notify("initialized", {})

        views = bookstore / "catalog" / "views.py"
        uri, text = views.as_uri(), views.read_text()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
        diagnostics = client.diagnostics(uri)
        expected = _cli(bookstore, "catalog/views.py")
        assert len(expected) == 4
        assert [(d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1, d["code"], d["message"])
                for d in diagnostics] == [(f["line"], f["column"], f["code"], f["message"]) for f in expected]
        assert {d["source"] for d in diagnostics} == {"mdblint"}
        assert all(d["range"]["end"] == {"line": f["end_line"] - 1, "character": f["end_column"] - 1}
                   for d, f in zip(diagnostics, expected))

        # a second document: checked from the index already in memory (loaded once, logged once)
        services = bookstore / "catalog" / "services.py"
        client.notify("textDocument/didOpen", {"textDocument": {"uri": services.as_uri(), "languageId": "python",
                                                                "version": 1, "text": services.read_text()}})
        assert [(d["range"]["start"]["line"] + 1, d["code"]) for d in client.diagnostics(services.as_uri())] == \
            [(f["line"], f["code"]) for f in _cli(bookstore, "catalog/services.py")]
        loads = [m for m in client.pending if m.get("method") == "window/logMessage"
                 and "loaded the index" in m["params"]["message"]]
        assert len(loads) == 1 and f"loaded the index of {bookstore.resolve()} (bookstore_site.settings)" in \
            loads[0]["params"]["message"]

        # code actions on the N+1 line: the --fix edit and a # noqa
        n_plus_1 = next(d for d in diagnostics if d["code"] == "MDB301")
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": n_plus_1["range"],
            "context": {"diagnostics": [n_plus_1], "only": ["quickfix"]}})
        titles = [a["title"] for a in actions]
        assert titles == ['mdblint: fix MDB301 (add select_related("publisher") to the queryset the loop iterates)',
                          "mdblint: suppress MDB301 on this line (# noqa: MDB301)"], titles
        assert all(a["kind"] == "quickfix" and a["diagnostics"][0]["code"] == "MDB301" for a in actions)
        fixed = _apply(text, actions[0]["edit"]["changes"][uri])
        assert 'for b in person.book_set.select_related("publisher")]' in fixed
        assert fixed.count("\n") == text.count("\n")
        silenced = _apply(text, actions[1]["edit"]["changes"][uri])
        assert silenced.splitlines()[81].endswith("# expect: MDB301  # noqa: MDB301")

        # a fix-all source action for the document
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]}})
        assert [a["title"] for a in actions] == ["mdblint: fix all (as --fix does)"]

        # the fixed text saved: the server re-checks it (the MDB301 is gone, the rest stays)
        views.write_text(fixed)
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                 "contentChanges": [{"text": fixed}]})
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        after = client.diagnostics(uri)
        assert [d["code"] for d in after] == ["MDB501", "MDB501", "MDB101"]
        assert [(f["line"], f["code"]) for f in _cli(bookstore, "catalog/views.py")] == \
            [(d["range"]["start"]["line"] + 1, d["code"]) for d in after]

        # a noqa on an MDB501 line, from the action, silences it after the save
        unknown = after[0]
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": unknown["range"], "context": {"diagnostics": [unknown]}})
        (noqa,) = [a for a in actions if "noqa" in a["title"]]
        silenced = _apply(fixed, noqa["edit"]["changes"][uri])
        views.write_text(silenced)
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                                 "contentChanges": [{"text": silenced}]})
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert [d["code"] for d in client.diagnostics(uri)] == ["MDB501", "MDB101"]

        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert client.diagnostics(uri) == []
        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=60) == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait()


def test_the_index_stays_warm_and_a_request_rechecks_its_document_only(bookstore: Path) -> None:
    session = Session()
    views, services = bookstore / "catalog" / "views.py", bookstore / "catalog" / "services.py"
    first = session.check(views, views.read_text())
    assert [f.code for f in first] == ["MDB501", "MDB501", "MDB301", "MDB101"]
    session.check(services, services.read_text())
    session.check(views, views.read_text())
    assert session.loads == 1 and session.checked == [str(views), str(services), str(views)]
    # saving unchanged content: nothing to refresh
    assert session.saved(views) == [] and session.loads == 1
    # unsaved edits are checked from the editor's text, the index untouched
    edited = views.read_text().replace('using="defualt"', 'using="default"')
    assert [f.code for f in session.check(views, edited)] == ["MDB501", "MDB301", "MDB101"]
    assert session.loads == 1
    # a saved change the index does not know: refreshed; same settings and graph, nothing else to re-check
    views.write_text(edited)
    assert session.saved(views) == [] and session.loads == 2
    assert session.saved(views) == [] and session.loads == 2
    # a model change: the graph differs, the project's other open documents are to be re-checked
    models = bookstore / "catalog" / "models.py"
    models.write_text(models.read_text() + "\n\nclass Shelf(models.Model):\n    label = models.CharField(max_length=9)\n")
    assert session.saved(models) == [bookstore.resolve()]
    assert session.loads == 3


def test_the_configuration_applies(bookstore: Path) -> None:
    (bookstore / "pyproject.toml").write_text('[tool.mdblint]\nignore = ["MDB5"]\n'
                                              'per-file-ignores = { "catalog/views.py" = ["MDB101"] }\n')
    views = bookstore / "catalog" / "views.py"
    session = Session()
    assert [f.code for f in session.check(views, views.read_text())] == ["MDB301"]
    # a changed configuration is read again, without restarting the server
    (bookstore / "pyproject.toml").write_text('[tool.mdblint]\nselect = ["MDB5"]\n')
    assert [f.code for f in session.check(views, views.read_text())] == ["MDB501", "MDB501"]
    assert session.loads == 2
    (bookstore / "pyproject.toml").write_text('[tool.mdblint]\nselect = ["MDB1"]\nignore = ["MDB1"]\n' + " " * 40)
    assert session.check(views, views.read_text()) == []


def _finding(line: int, code: str = "MDB301") -> Finding:
    return Finding("x.py", line, 1, line, 2, code, "m")


def test_noqa_edits() -> None:
    assert with_noqa("a = 1\nb = 2\n", _finding(2)) == "a = 1\nb = 2  # noqa: MDB301\n"
    assert with_noqa("a = 1\r\nb = 2", _finding(2)) == "a = 1\r\nb = 2  # noqa: MDB301"
    # an existing list gets the code; a bare noqa already covers it
    assert with_noqa("b = 2  # noqa: MDB5\n", _finding(1)) == "b = 2  # noqa: MDB5,MDB301\n"
    assert with_noqa("b = 2  # noqa:MDB5, MDB1 trailing\n", _finding(1)) == "b = 2  # noqa: MDB5,MDB1,MDB301 trailing\n"
    assert with_noqa("b = 2  # NOQA: mdb5\r\n", _finding(1)) == "b = 2  # noqa: mdb5,MDB301\r\n"
    assert with_noqa("b = 2  # noqa\n", _finding(1)) is None
    # a multi-line string: the comment goes after the string's last line, where flake8 reads it
    text = 'x = f("""\none\n""")\ny = 1\n'
    assert with_noqa(text, _finding(1)) == 'x = f("""\none\n""")  # noqa: MDB301\ny = 1\n'
    # a backslash continuation: on its last line
    assert with_noqa("x = 1 + \\\n    2\n", _finding(1)) == "x = 1 + \\\n    2  # noqa: MDB301\n"
    from mdblint import noqa
    for text, line in [("a = 1\nb = 2\n", 2), ('x = f("""\none\n""")\ny = 1\n', 1), ("x = 1 + \\\n    2\n", 1)]:
        new = with_noqa(text, _finding(line))
        assert noqa.apply(new.encode(), [_finding(line)])[0] == []


@pytest.mark.parametrize("old,new", [
    ("a\nb\nc\n", "a\nB\nc\n"), ("a\nb\nc", "a\nb\nC"), ("a\nb\n", "a\nb\nc\n"), ("a\nb", "a\nb\nc"),
    ("a\nb\nc\n", "c\n"), ("", "x\n"), ("é😀\nb\n", "é😀\nB\nc\n"),
])
def test_edits_turn_the_old_text_into_the_new(old: str, new: str) -> None:
    as_dicts = [{"range": {"start": {"line": e.range.start.line, "character": e.range.start.character},
                           "end": {"line": e.range.end.line, "character": e.range.end.character}},
                 "newText": e.new_text} for e in edits(old, new)]
    assert _apply(old, as_dicts) == new


def test_positions_are_utf16() -> None:
    assert _utf16("é😀x", 2) == 3 and _utf16("abc", 2) == 2
    assert _lsp_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]


def test_edits_split_lines_as_lsp_does() -> None:
    old, new = "a\x0cb\r\nc\rd\n", "a\x0cb\r\nC\rd\n"
    (edit,) = edits(old, new)
    assert (edit.range.start.line, edit.range.end.line, edit.new_text) == (1, 2, "C\r")


def test_the_mdblint_command_dispatches_server_and_the_readme_documents_it() -> None:
    script = Path(sys.executable).parent / "mdblint"
    proc = subprocess.run([str(script), "server", "--help"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("usage: mdblint server"), proc.stderr
    assert subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=120).stdout.startswith("mdblint ")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for snippet in ('cmd = { "mdblint", "server" }', '"glspc.serverArgs": ["server"]', "pip install -e '.[server]'"):
        assert snippet in readme, snippet
