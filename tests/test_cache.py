"""The disk cache is data only: a planted file never runs code, and an entry of the wrong shape
is ignored and rebuilt (never a crash, never a wrong result)."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import random
import re
import shutil
import typing
from pathlib import Path

import msgspec
import pytest

from mdblint import codec
from mdblint.cache import Cache
from mdblint.discovery import ProjectRef
from mdblint.engine import Results
from mdblint.findings import Finding, Json
from mdblint.project import index
from mdblint.project.summary import LineDict, ModuleSummary, Op, Value, _Collector
from tests.helpers import SAMPLES, load_sample, run_cli

# Each cache file's type, by the prefix of its name.
KINDS = {"stats": index.Stats, "project": index.ProjectEntry, "summaries": index.Summaries, "results": Results}
# Pieces an entry holds encoded (codec.encode_part), decoded only when read: where, and their type.
PIECES = {"summaries": (lambda entry: [piece for _, _, piece in entry.values()], ModuleSummary),
          "project": (lambda entry: [entry[2]], index.Project)}


def decode_all(data: bytes, name: str) -> object:
    """An entry's bytes decoded as its type, pieces included; raises as `codec.decode` does."""
    entry = codec.decode(data, KINDS[name])
    if name in PIECES:
        where, kind = PIECES[name]
        return entry, [codec.decode_part(piece, kind) for piece in where(entry)]
    return entry


def load(cache: Path, key: str) -> object:
    """The entry `key` with its pieces decoded, or None if it or any piece is not of its type
    (what the loader then rebuilds)."""
    name = key.split("-")[0]
    entry = Cache(cache).load(key, KINDS[name])
    if entry is None or name not in PIECES:
        return entry
    where, kind = PIECES[name]
    try:
        return entry, [codec.decode_part(piece, kind) for piece in where(entry)]
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None


class Planted:
    """A pickle that, when loaded, creates `marker`: what an attacker would ship in a cache."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def lint(site: Path, cache: Path) -> tuple[list[dict] | None, str, int]:
    """Run the CLI on `site` with its cache in `cache`: (findings, stderr, exit code)."""
    env = {**os.environ, "MDBLINT_CACHE_DIR": str(cache)}
    proc = run_cli(".", "--format", "json", cwd=site, env=env)
    return json.loads(proc.stdout)["findings"] if proc.stdout else None, proc.stderr, proc.returncode


def entries(cache: Path) -> dict[str, Path]:
    """key -> file of every cache entry (`stats-<key>`, `project-<key>`, ...), whatever its suffix."""
    out: dict[str, Path] = {}
    for p in sorted(cache.iterdir(), key=lambda p: p.suffix == ".pickle"):     # another format first
        if p.name.split("-")[0] in KINDS:
            out.setdefault(p.name.split(".")[0], p)
    assert sorted(k.split("-")[0] for k in out) == sorted(KINDS), sorted(out)
    return out


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict], str]:
    """A copy of a sample linted once: (site, its pristine cache, findings, stderr)."""
    base = tmp_path_factory.mktemp("warm")
    site = base / "bookstore"
    shutil.copytree(SAMPLES / "bookstore", site)
    cache = base / "cache"
    findings, stderr, _ = lint(site, cache)
    assert findings
    entries(cache)
    return site, cache, findings, stderr


def fresh_cache(warm: tuple, tmp_path: Path) -> Path:
    cache = tmp_path / "cache"
    shutil.copytree(warm[1], cache)
    return cache


def test_planted_pickles_never_run(warm: tuple, tmp_path: Path) -> None:
    site, _, findings, _ = warm
    cache = fresh_cache(warm, tmp_path)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(Planted(marker))
    for path in [p for p in cache.iterdir() if p.is_file()]:
        path.write_bytes(payload)
        (cache / f"{path.name.split('.')[0]}.pickle").write_bytes(payload)
    for _ in range(2):           # the planted files, then whatever the first run left
        again, stderr, _ = lint(site, cache)
        assert not marker.exists()
        assert again == findings
        assert "Traceback" not in stderr
    for key, path in entries(cache).items():     # rebuilt in the new format beside the ignored pickles
        assert load(cache, key) is not None, path


def _wrong_shape(key: str, site: Path) -> object:
    """An entry of the right outline but the wrong types inside (what a pickle cache accepted)."""
    kind = key.split("-")[0]
    rels = [str(p.relative_to(site)) for p in site.rglob("*.py")]
    if kind == "stats":
        return {rel: "x" for rel in rels}
    if kind == "project":
        return ("0" * 32, "0" * 32, "not a project")
    if kind == "summaries":
        return {rel: ("0" * 32, "0" * 32, 1) for rel in rels}
    return {str(site / rel): ("0" * 32, {}, [1]) for rel in rels}


VARIANTS = ["another type", "msgpack", "json", "truncated", "random", "empty", "directory"]


def test_wrong_shapes_are_rebuilt(warm: tuple, tmp_path: Path) -> None:
    site, _, findings, stderr = warm
    for variant in VARIANTS:
        cache = fresh_cache(warm, tmp_path / variant)
        for key, path in entries(cache).items():
            data = path.read_bytes()
            if variant == "another type":
                path.unlink()
                Cache(cache).store(key, _wrong_shape(key, site))
                continue
            if variant == "directory":
                path.unlink()
                path.mkdir()
                continue
            path.write_bytes({
                "msgpack": msgspec.msgpack.encode({"stats": [1, 2, 3]}),
                "json": b'{"a": [1, 2, 3]}',
                "truncated": data[:len(data) // 2],
                "random": random.Random(key).randbytes(len(data)),
                "empty": b"",
            }[variant])
        again, err, _ = lint(site, cache)
        assert "Traceback" not in err and err == stderr, (variant, err)
        assert again == findings, variant
        if variant != "directory":
            for key in entries(cache):
                assert load(cache, key) is not None, (variant, key)


def _nodes(raw: object, path: tuple = ()) -> list[tuple]:
    """The path of every node of a decoded MessagePack tree (map keys and values, array items)."""
    out = [path]
    if isinstance(raw, dict):
        for i, (k, v) in enumerate(raw.items()):
            out.append(path + (("key", i),))
            out += _nodes(v, path + (k,))
    elif isinstance(raw, list):
        for i, v in enumerate(raw):
            out += _nodes(v, path + (i,))
    return out


def _replace(raw: object, path: tuple, new: object) -> object:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(head, tuple):                  # a map key: Ext is not hashable, bytes is no key of any type
        items = list(raw.items())
        items[head[1]] = (b"\0", items[head[1]][1])
        return dict(items)
    copy = dict(raw) if isinstance(raw, dict) else list(raw)
    copy[head] = _replace(raw[head], rest, new)
    return copy


def test_any_wrong_node_or_cut_is_no_entry(warm: tuple, tmp_path: Path) -> None:
    """Whatever node of an entry is replaced by a value no type accepts, and wherever the file
    is cut, the entry loads as None."""
    cache = fresh_cache(warm, tmp_path)
    junk = msgspec.msgpack.Ext(1, b"x")
    for key, path in entries(cache).items():
        data = path.read_bytes()
        assert load(cache, key) is not None
        raw = msgspec.msgpack.decode(data)
        nodes = _nodes(raw)
        for node in random.Random(key).sample(nodes, min(len(nodes), 300)):
            path.write_bytes(msgspec.msgpack.encode(_replace(raw, node, junk)))
            assert load(cache, key) is None, (key, node)
        for cut in sorted(random.Random(key).sample(range(len(data)), min(len(data), 50))):
            path.write_bytes(data[:cut])
            assert load(cache, key) is None, (key, cut)
        for header in (["mdblint-cache", codec.FORMAT + 1], ["other", codec.FORMAT], []):
            path.write_bytes(msgspec.msgpack.encode([*header, raw[2]]))
            assert load(cache, key) is None, (key, header)


def _raw_entry(obj: object, kind: object) -> object:
    """An entry as its MessagePack tree (lists and dicts), to be spoiled and encoded again."""
    return msgspec.msgpack.decode(codec.encode(obj, kind))


@pytest.fixture(scope="module")
def raw_entries() -> dict[str, tuple[object, object]]:
    project = load_sample("bookstore")
    current, changed = index._walk(project.ref.root, {})
    files, _, _ = index._summaries(project.ref.root, current, changed, {})
    results = {"x.py": ("d", {"m": "d"}, [Finding("x.py", 1, 1, 1, 2, "MDB101", "m", {"a": [1]})])}
    entry = ("d", "s", codec.encode_part(project, index.Project))
    return {"summaries": (files, index.Summaries), "project": (entry, index.ProjectEntry),
            "results": (results, Results), "stats": (current, index.Stats)}


def _spoil(case: str, entries: dict) -> tuple[object, object]:
    """(spoiled MessagePack tree, its type) for one case."""
    name = {"model line is a string": "project", "path is an int": "project", "finding data holds bytes": "results",
            "finding data has an int key": "results", "stats too short": "stats"}.get(case, "summaries")
    raw = _raw_entry(*entries[name])
    if name == "summaries":
        module = next(m for _, _, m in raw[2].values() if m["names"] and m["ops"])
        binding, op = next(iter(module["names"].values())), module["ops"][0]
    if name == "project":
        model = next(iter(raw[2][2]["graph"]["models"].values()))
    if case == "binding target is a map":
        binding["target"] = {"a": 1}
    elif case == "unknown op":
        op[0] = "exec"
    elif case == "op line is a string":
        op[1] = "3"
    elif case == "op payload too short":
        del op[3:]
    elif case == "unhashable dict key":
        binding["target"] = ["d", ["l", 1], 2]
    elif case == "unknown value tag":
        binding["target"] = ["os.system", "true"]
    elif case == "ref of an int":
        binding["target"] = ["r", 1]
    elif case == "model line is a string":
        model["line"] = "1"
    elif case == "path is an int":
        model["path"] = 1
    elif case == "finding data holds bytes":
        raw[2]["x.py"][2][0]["data"]["a"] = [b"x"]
    elif case == "finding data has an int key":
        raw[2]["x.py"][2][0]["data"] = {1: 2}
    elif case == "stats too short":
        next(iter(raw[2].values())).pop()
    return raw, entries[name][1]


@pytest.mark.parametrize("case", [
    "binding target is a map", "unknown op", "op line is a string", "op payload too short",
    "unhashable dict key", "unknown value tag", "ref of an int", "model line is a string",
    "path is an int", "finding data holds bytes", "finding data has an int key", "stats too short",
])
def test_wrong_types_inside(case: str, raw_entries: dict) -> None:
    for name, (obj, kind) in raw_entries.items():   # unspoiled, the same trees decode to the same objects
        data = msgspec.msgpack.encode(_raw_entry(obj, kind))
        assert codec.decode(data, kind) == obj and decode_all(data, name)
    raw, kind = _spoil(case, raw_entries)
    name = next(n for n, k in KINDS.items() if k == kind)
    with pytest.raises(msgspec.ValidationError):
        decode_all(msgspec.msgpack.encode(raw), name)


def _leaves(hint: object, seen: set) -> list[tuple[str, object]]:
    """(where, type) of every field type reachable from `hint` that is not a precise type."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint in seen:
            return []
        seen.add(hint)
        hints = typing.get_type_hints(hint)
        return [(f"{hint.__name__}.{f.name}" + (f" ({where})" if where else ""), bad)
                for f in dataclasses.fields(hint) for where, bad in _leaves(hints[f.name], seen)]
    args = typing.get_args(hint)
    if args:
        return [leaf for a in args if a is not Ellipsis for leaf in _leaves(a, seen)]
    if hint in (str, int, float, bool, type(None), Path, Value, Op, Json):
        return []
    if hint is msgspec.Raw:       # a piece: checked when decoded, as its own type (PIECES, below)
        return []
    return [("", hint)]     # Any, object, a bare tuple/dict/list: nothing to check on load


def test_stored_types_are_precise() -> None:
    """Every field of what the cache stores has a type the decoder checks: no Any, no object,
    no bare container (a new field typed so would load unchecked, or not round-trip)."""
    seen: set = set()
    kinds = [*KINDS.values(), *(kind for _, kind in PIECES.values())]
    assert [leaf for kind in kinds for leaf in _leaves(kind, seen)] == []
    assert len(seen) > 10


def test_every_op_has_a_payload_spec() -> None:
    """The codec checks each op against OP_PAYLOADS: it must list the ops `_Collector` makes."""
    documented = dict(re.findall(r'\("(\w+)", line, cond((?:, \w+)*)\)', _Collector.__doc__))
    assert documented.keys() == codec.OP_PAYLOADS.keys()
    for op, payload in documented.items():
        assert len(payload.split(", ")) - 1 == len(codec.OP_PAYLOADS[op]), op


def strict(obj: object) -> object:
    """`obj` rendered with the type of every part (and what == ignores: LineDict lines and
    spread, dataclass fields with compare=False), so that equal renderings mean an exact copy."""
    t = type(obj).__qualname__
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (t,) + tuple((f.name, strict(getattr(obj, f.name))) for f in dataclasses.fields(obj))
    if isinstance(obj, dict):
        extra = (strict(obj.lines), strict(obj.spread)) if isinstance(obj, LineDict) else ()
        return (t, tuple((strict(k), strict(v)) for k, v in obj.items())) + extra
    if isinstance(obj, (list, tuple)):
        return (t,) + tuple(strict(x) for x in obj)
    if isinstance(obj, (set, frozenset)):
        return (t, frozenset(strict(x) for x in obj))
    return (t, obj)


def decoded(files: dict) -> dict:
    return {rel: (digest, codec.decode_part(piece, ModuleSummary)) for rel, (digest, _, piece) in files.items()}


ROOTS = [SAMPLES / "bookstore", SAMPLES / "newsroom"]
if os.environ.get("MDBLINT_DJANGO_TESTS"):
    ROOTS.append(Path(os.environ["MDBLINT_DJANGO_TESTS"]))


@pytest.mark.parametrize("root", ROOTS, ids=[p.name for p in ROOTS])
def test_round_trip(root: Path) -> None:
    current, changed = index._walk(root, {})
    files, fresh, _ = index._summaries(root, current, changed, {})
    back = codec.decode(codec.encode(files), index.Summaries)
    assert back == files and strict(back) == strict(files)
    summaries = {rel: (files[rel][0], summary) for rel, summary in fresh.items()}
    assert decoded(back) == summaries and strict(decoded(back)) == strict(summaries)
    if root.parent == SAMPLES:
        project = load_sample(root.name)
    else:
        project = index.build_project(ProjectRef(root, None, "test"), decoded(files))
    back = codec.decode_part(codec.encode_part(project, index.Project), index.Project)
    assert back == project and strict(back) == strict(project)
    assert index.fingerprint(back.settings, back.graph) == project.fingerprint
