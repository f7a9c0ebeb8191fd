"""The cache's wire format: MessagePack (msgspec), decoded into typed dataclasses and validated.

Nothing here can run code on load: the decoder builds only the types it is asked for (the
dataclasses of `mdblint.project` and `mdblint.findings`, dicts, tuples, lists, frozensets, str,
int, float, bool, None, Path) and checks every value against the dataclass annotations. Data of
another shape raises `msgspec.ValidationError` (or `msgspec.DecodeError` for bytes that are no
MessagePack), which the cache reads as "no entry".

Three kinds of field cannot be described by a msgspec type and have their own encoding here:
- `summary.Value`, a literal as `summary.literal()` reads it (None, bool, int, float, complex,
  str, bytes, Ellipsis, list/tuple/frozenset/dict of Values, LineDict, Ref, BinAdd, CallInfo,
  UNKNOWN, and the settings evaluator's OneOf and JoinedList): scalars as themselves, anything
  else as an array `[tag, ...]`, so that a tuple stays a tuple and UNKNOWN decodes to UNKNOWN;
- `summary.Op`, one of a module's top-level statements: `[op, line, cond, *payload]`;
- `findings.Json`, a finding's data: JSON values, checked on load.
Encoding is driven by the dataclasses' annotations (`_encoder`), decoding by msgspec with
`_dec_hook` for those three and Path.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from pathlib import Path
from typing import Any, Callable, Literal

import msgspec

from mdblint.findings import Json
from mdblint.project.settings_static import JoinedList, OneOf
from mdblint.project.summary import UNKNOWN, BinAdd, CallInfo, LineDict, Op, Ref, Value

MAGIC = "mdblint-cache"
FORMAT = 1          # bump whenever the wire format of any stored type changes

_INT_MIN, _INT_MAX = -(2 ** 63), 2 ** 64 - 1
_NoneType = type(None)


# -- values --------------------------------------------------------------------------------

def encode_value(v: object) -> object:
    t = type(v)
    if t is str:
        return v if v.isascii() else _encode_str(v)
    if t is bool or v is None or t is float or t is bytes:
        return v
    if t is int:
        return v if _INT_MIN <= v <= _INT_MAX else ["I", str(v)]
    if t is tuple:
        return ["t", *map(encode_value, v)]
    if t is list:
        return ["l", *map(encode_value, v)]
    if t is Ref:
        return ["r", encode_value(v.dotted)]
    if v is UNKNOWN:
        return ["?"]
    if t is LineDict:
        return ["D", _flat(v), _flat(v.lines), [encode_value(x) for x in v.spread]]
    if t is dict:
        return ["d", *_flat(v)]
    if t is CallInfo:
        return ["c", None if v.callee is None else encode_value(v.callee), [encode_value(x) for x in v.args],
                _flat(v.kwargs), v.line]
    if t is frozenset:
        return ["s", *map(encode_value, v)]
    if t is BinAdd:
        return ["+", encode_value(v.left), encode_value(v.right)]
    if t is OneOf:
        return ["o", *map(encode_value, v)]
    if t is JoinedList:
        return ["L", *map(encode_value, v)]
    if t is complex:
        return ["j", v.real, v.imag]
    if v is Ellipsis:
        return ["e"]
    raise TypeError(f"not a literal value: {t.__name__}")


def _encode_str(s: str) -> object:
    try:
        s.encode()
    except UnicodeEncodeError:      # a lone surrogate ("\ud800" is a valid literal)
        return ["S", s.encode("utf-8", "surrogatepass")]
    return s


def _flat(d: dict) -> list:
    out = []
    for k, v in d.items():
        out.append(encode_value(k))
        out.append(encode_value(v))
    return out


_SCALARS = frozenset({str, int, bool, float, bytes, type(None)})


def decode_value(raw: object) -> object:
    if type(raw) in _SCALARS:
        return raw
    t = type(raw)
    if t is not list or not raw:
        raise ValueError(f"not an encoded value: {t.__name__}")
    try:
        make = _VALUE_DECODERS[raw[0]]
    except (KeyError, TypeError):
        raise ValueError(f"unknown value tag {raw[0]!r}") from None
    try:
        return make(raw)
    except (IndexError, KeyError) as e:
        raise ValueError(f"malformed {raw[0]!r} value") from e


def _items(raw: list) -> list:
    items = raw[1:]
    for i, x in enumerate(items):
        if type(x) not in _SCALARS:
            items[i] = decode_value(x)
    return items


def _pairs(flat: object, start: int = 0) -> dict:
    if type(flat) is not list or (len(flat) - start) % 2:
        raise ValueError("malformed mapping")
    it = iter(flat)
    for _ in range(start):
        next(it)
    it = map(decode_value, it)
    return dict(zip(it, it))


def _str(raw: object) -> str:
    value = decode_value(raw)
    if type(value) is not str:
        raise ValueError("expected a string")
    return value


def _arity(raw: list, n: int) -> list:
    if len(raw) != n:
        raise ValueError(f"malformed {raw[0]!r} value")
    return raw


def _line_dict(raw: list) -> LineDict:
    _, items, lines, spread = _arity(raw, 4)
    lines = _pairs(lines)
    if any(type(n) is not int for n in lines.values()):
        raise ValueError("malformed LineDict lines")
    if type(spread) is not list:
        raise ValueError("malformed LineDict spread")
    return LineDict(_pairs(items), lines=lines, spread=map(decode_value, spread))


def _call_info(raw: list) -> CallInfo:
    _, callee, args, kwargs, line = _arity(raw, 5)
    if type(args) is not list or type(line) is not int:
        raise ValueError("malformed CallInfo")
    kwargs = _pairs(kwargs)
    if any(type(k) is not str for k in kwargs):
        raise ValueError("malformed CallInfo keywords")
    return CallInfo(None if callee is None else _str(callee), tuple(map(decode_value, args)), kwargs, line)


def _scalar(kind: type) -> Callable[[object], object]:
    def check(x: object) -> object:
        if type(x) is not kind:
            raise ValueError(f"expected {kind.__name__}")
        return x
    return check


_float = _scalar(float)
_VALUE_DECODERS: dict[str, Callable[[list], object]] = {
    "t": lambda raw: tuple(_items(raw)),
    "l": _items,
    "s": lambda raw: frozenset(_items(raw)),
    "d": lambda raw: _pairs(raw, 1),
    "D": _line_dict,
    "r": lambda raw: Ref(_str(_arity(raw, 2)[1])),
    "?": lambda raw: _arity(raw, 1) and UNKNOWN,
    "+": lambda raw: BinAdd(decode_value(_arity(raw, 3)[1]), decode_value(raw[2])),
    "c": _call_info,
    "o": lambda raw: OneOf(_items(raw)),
    "L": lambda raw: JoinedList(_items(raw)),
    "j": lambda raw: complex(_float(_arity(raw, 3)[1]), _float(raw[2])),
    "e": lambda raw: _arity(raw, 1) and Ellipsis,
    "I": lambda raw: int(_scalar(str)(_arity(raw, 2)[1])),
    "S": lambda raw: _scalar(bytes)(_arity(raw, 2)[1]).decode("utf-8", "surrogatepass"),
}


# -- ops: (op, line, cond, *payload), see summary._Collector --------------------------------

# Each op's payload: "s" a string (as it is on the wire), "v" a Value, "t" a tuple of Values,
# "k" a tuple of Values or None.
OP_PAYLOADS: dict[str, str] = {
    "import": "s", "star": "s", "from": "sss", "assign": "sv", "augassign": "sv",
    "setitem": "skv", "mutate": "sst", "class": "s", "other": "s", "loop": "sv", "endloop": "s",
}


def encode_op(op: tuple) -> list:
    slots = OP_PAYLOADS[op[0]]
    if len(op) != 3 + len(slots):
        raise TypeError(f"malformed op {op[0]!r}")
    out = [op[0], op[1], op[2]]
    for slot, x in zip(slots, op[3:]):
        if slot == "s":
            if type(x) is not str:
                raise TypeError(f"malformed op {op[0]!r}")
            out.append(x)
        else:
            out.append(encode_value(x))
    return out


def decode_op(raw: object) -> tuple:
    if type(raw) is not list or len(raw) < 3 or type(raw[0]) is not str:
        raise ValueError("malformed op")
    slots = OP_PAYLOADS.get(raw[0])
    if slots is None or type(raw[1]) is not int or type(raw[2]) is not bool or len(raw) != 3 + len(slots):
        raise ValueError("malformed op")
    for i, slot in enumerate(slots, 3):
        x = raw[i]
        if slot == "s":
            if type(x) is not str:
                raise ValueError(f"malformed {raw[0]!r} op")
            continue
        value = raw[i] = decode_value(x)
        if slot == "t" and type(value) is not tuple or slot == "k" and value is not None and type(value) is not tuple:
            raise ValueError(f"malformed {raw[0]!r} op")
    return tuple(raw)


# -- JSON (finding data) --------------------------------------------------------------------

def decode_json(raw: object) -> object:
    t = type(raw)
    if t is str or t is int or t is bool or raw is None or t is float:
        return raw
    if t is list:
        return [decode_json(x) for x in raw]
    if t is dict:
        if any(type(k) is not str for k in raw):
            raise ValueError("JSON object keys must be strings")
        return {k: decode_json(v) for k, v in raw.items()}
    raise ValueError(f"not JSON: {t.__name__}")


def _dec_hook(kind: type, raw: object) -> object:
    if kind is Value:
        return decode_value(raw)
    if kind is Op:
        return decode_op(raw)
    if kind is Path:
        if type(raw) is not str:
            raise ValueError("expected a path")
        return Path(raw)
    if kind is Json:
        return decode_json(raw)
    raise NotImplementedError(f"no decoder for {kind!r}")


def _enc_hook(obj: object) -> object:
    if isinstance(obj, Path):
        return str(obj)
    raise NotImplementedError(f"cannot encode {type(obj).__name__}")


# -- encoding, driven by annotations --------------------------------------------------------

Encoder = Callable[[Any], Any]


@functools.cache
def _encoder(hint: Any) -> Encoder | None:
    """How to turn a value of type `hint` into what msgspec encodes; None: as it is."""
    if hint is Value:
        return encode_value
    if hint is Op:
        return encode_op
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        plan = _plan(hint)
        if plan is None:
            return None
        return lambda obj: {name: (enc(getattr(obj, name)) if enc else getattr(obj, name)) for name, enc in plan}
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        others = [a for a in args if a is not _NoneType]
        inner = _encoder(others[0]) if len(others) == 1 else _plain
        return None if inner is None else (lambda v: None if v is None else inner(v))
    if origin is dict:
        kenc, venc = _encoder(args[0]), _encoder(args[1])
        if kenc is None and venc is None:
            return None
        kenc, venc = kenc or _same, venc or _same
        return lambda d: {kenc(k): venc(v) for k, v in d.items()}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis or origin in (list, frozenset, set):
        item = _encoder(args[0])
        return None if item is None else (lambda s: [item(x) for x in s])
    if origin is tuple:
        encs = [_encoder(a) for a in args]
        if all(e is None for e in encs):
            return None
        return lambda t: [e(x) if e else x for e, x in zip(encs, t)]
    return None


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, Encoder | None], ...] | None:
    hints = typing.get_type_hints(cls)
    plan = tuple((f.name, _encoder(hints[f.name])) for f in dataclasses.fields(cls))
    return plan if any(enc for _, enc in plan) else None


def _same(x: Any) -> Any:
    return x


def _plain(obj: Any) -> Any:
    """`obj` as msgspec encodes it, for an object of no declared type (a stored entry's top)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        enc = _encoder(type(obj))
        return enc(obj) if enc else obj
    if isinstance(obj, dict):
        return {_plain(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (tuple, list, frozenset, set)):
        return [_plain(x) for x in obj]
    return obj


_ENCODER = msgspec.msgpack.Encoder(enc_hook=_enc_hook)


def encode(obj: Any, kind: Any = None) -> bytes:
    """The bytes of a cache entry: [MAGIC, FORMAT, obj]. Without `kind`, the type of `obj` is read
    from `obj` itself (dicts, tuples, lists, sets and dataclasses, whose annotations say the rest)."""
    if kind is None:
        plain = _plain(obj)
    else:
        enc = _encoder(kind)
        plain = enc(obj) if enc else obj
    return _ENCODER.encode((MAGIC, FORMAT, plain))


def encode_part(obj: Any, kind: Any) -> msgspec.Raw:
    """`obj`, a `kind`, as a piece of an entry (a `msgspec.Raw` field of the entry's type): stored
    as it is, copied as bytes into the next entry, and decoded alone, only when it is needed."""
    enc = _encoder(kind)
    return msgspec.Raw(_ENCODER.encode(enc(obj) if enc else obj))


@functools.cache
def _part_decoder(kind: Any) -> msgspec.msgpack.Decoder:
    return msgspec.msgpack.Decoder(kind, dec_hook=_dec_hook)


def decode_part(raw: msgspec.Raw, kind: Any) -> Any:
    """A validated `kind` from `encode_part`'s piece; raises as `decode` does."""
    return _part_decoder(kind).decode(raw)


@functools.cache
def _decoder(kind: Any) -> msgspec.msgpack.Decoder:
    return msgspec.msgpack.Decoder(tuple[Literal[MAGIC], Literal[FORMAT], kind], dec_hook=_dec_hook)  # type: ignore[valid-type]


def decode(data: bytes, kind: Any) -> Any:
    """A validated `kind` from `encode`'s bytes; raises msgspec.ValidationError / DecodeError
    (or RecursionError for absurdly deep data) on anything else."""
    return _decoder(kind).decode(data)[2]
