"""The summary's fillable form: ReportLab's AcroForm, with what every field of one look shares
worked out once instead of once per field.

ReportLab makes six appearance streams for every radio button and check box (normal, down and
rollover, each on and off) and keeps only the first of each identical stream; it writes a new
copy of the form font, and so a new appearance, for every text field; and it builds and formats
the same dictionaries again for every field. A summary with a hundred leadership items has
hundreds of fields in a handful of looks. This form asks ReportLab for the first field of each
look, keeps the entries that do not change from field to field (appearance, colours, border,
flags) and formats them once; later fields of that look add only their own entries (place,
page, state, name). Radio buttons and check boxes come out byte for byte as ReportLab writes
them; text fields share one font and one appearance.
"""

from __future__ import annotations

import inspect
from collections.abc import Hashable
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.acroform import AcroForm, RadioGroup, fieldFlagValues, makeFlags
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
    pdfdocEnc,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format


def _defaults(method: Any) -> dict[str, Any]:
    return {
        p.name: p.default
        for p in inspect.signature(method).parameters.values()
        if p.default is not inspect.Parameter.empty
    }


_RADIO = _defaults(AcroForm.radio)
_CHECKBOX = _defaults(AcroForm.checkbox)
_TEXTFIELD = _defaults(AcroForm.textfield)
# Arguments that change only a field's own entries (below), never what its look shares.
_PER_FIELD = frozenset({"x", "y", "name", "tooltip", "relative", "selected", "checked"})
_RADIO_OWN = frozenset({"AS", "P", "Parent", "Rect"})
_CHECKBOX_OWN = frozenset({"AS", "V", "P", "Rect", "T", "TU"})
_TEXTFIELD_OWN = frozenset({"P", "Rect", "T", "TU"})

_names: dict[str, bytes] = {}  # "/Rect " and the like: the same in every document


def _entry(key: str, value: Any, document: Any) -> bytes:
    """`/Key value` as PDFDictionary.format writes it."""
    name = _names.get(key)
    if name is None:
        name = _names[key] = pdf_format(PDFName(key), document) + b" "
    kind = type(value)
    if kind is PDFObjectReference:  # the page and the radio group: the most common
        return name + b"%d %d R" % document.idToObjectNumberAndVersion[value.name]
    if kind is str:  # a name such as /Off
        return name + pdfdocEnc(value)
    if kind is PDFString and _plain(document):
        text = value.s
        # Field names and tooltips: printable ASCII with nothing to escape is written as is.
        if (
            type(text) is str
            and value.escape == 1
            and value.enc == "auto"
            and text.isascii()
            and text.isprintable()
            and not _ESCAPED.intersection(text)
        ):
            return name + b"(" + text.encode("ascii") + b")"
    return name + pdf_format(value, document)


_ESCAPED = frozenset("\\()")


_numbers: dict[tuple[type, float], bytes] = {}  # fields line up: the same places recur


def _number(value: float) -> bytes:
    key = (type(value), value)
    found = _numbers.get(key)
    if found is None:
        if len(_numbers) > 4096:
            _numbers.clear()
        found = _numbers[key] = pdfdocEnc(fp_str(value))
    return found


class _Numbers(PDFArray):
    """An array of up to ten numbers (a field's place), each number written once."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        if (self.multiline and rl_config.pdfMultiLine) or len(self.sequence) > 10:
            return super().format(document, IND)
        return b"[ " + b" ".join(map(_number, self.sequence)) + b" ]"


class RefArray(PDFArray):
    """An array of object references (a page's fields, a radio group's buttons), each written
    straight from its number, as PDFArray.format writes it."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        seq = self.sequence
        if (self.multiline and rl_config.pdfMultiLine) or not all(
            type(r) is PDFObjectReference for r in seq
        ):
            return super().format(document, IND)
        numbers = document.idToObjectNumberAndVersion
        lines = [b"%d %d R" % numbers[r.name] for r in seq]
        for i in reversed(range(10, len(lines), 10)):  # PDFArray breaks long arrays so
            lines.insert(i, b"\n ")
        return b"[ " + b" ".join(lines) + b" ]"


class _Look:
    """The entries every field of one look shares, formatted on first use."""

    def __init__(self, entries: dict[str, Any]) -> None:
        self.entries = entries
        self._formatted: dict[str, bytes] | None = None
        self._orders: dict[tuple[str, ...], list[str]] = {}
        self._templates: dict[tuple[str, ...], tuple[list[bytes], list[str]]] = {}

    def order(self, own: tuple[str, ...]) -> list[str]:
        """Every key of a field with these entries of its own, sorted as ReportLab sorts them."""
        found = self._orders.get(own)
        if found is None:
            found = self._orders[own] = sorted({*self.entries, *own})
        return found

    def formatted(self, document: Any) -> dict[str, bytes]:
        if self._formatted is None:
            self._formatted = {k: _entry(k, v, document) for k, v in self.entries.items()}
        return self._formatted

    def template(self, own: tuple[str, ...], document: Any) -> tuple[list[bytes], list[str]]:
        """The dictionary as bytes cut where a field's own entries go, and those entries' keys.

        A field is then its chunks and its own entries, interleaved."""
        found = self._templates.get(own)
        if found is None:
            shared = self.formatted(document)
            chunks, names, current = [], [], b"<<\n"
            for i, key in enumerate(self.order(own)):
                if i:
                    current += _separator(i)
                if key in shared:
                    current += shared[key]
                else:
                    chunks.append(current)
                    names.append(key)
                    current = b""
            chunks.append(current + b"\n>>")
            found = self._templates[own] = (chunks, names)
        return found


class _Field(PDFDictionary):
    """A field's widget dictionary: its look's entries, formatted once, and its own."""

    def __init__(self, look: _Look, own: dict[str, Any]) -> None:
        # PDFDictionary.__init__ would copy the entries once more.
        self.dict = {**look.entries, **own}
        self.look = look
        self.own = tuple(own)

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        if (
            not _plain(document)
            or IND != b"\n "
            or len(self.look.order(self.own)) != len(self.dict)
        ):
            # Encrypted strings, other line breaks, or an entry set since that is not in the
            # look: write this one as ReportLab would.
            return super().format(document, IND)
        chunks, names = self.look.template(self.own, document)
        entries = self.dict
        out = [chunks[0]]
        for name, chunk in zip(names, chunks[1:], strict=True):
            out += (_entry(name, entries[name], document), chunk)
        return b"".join(out)


class _Group(RadioGroup):
    """A radio group written without building a dictionary object for it."""

    def format(self, doc: Any) -> bytes:
        if len(self.kids) < 2 or not _plain(doc):
            return super().format(doc)
        # The entries of RadioGroup.format.
        entries: dict[str, Any] = {
            "Ff": self.Ff,
            "Kids": RefArray(list(self.kids)),
            "FT": "/Btn",
            "T": PDFString(self.T),
        }
        if self.V:
            entries["V"] = PDFName(self.V)
        if self.TU:
            entries["TU"] = PDFString(self.TU)
        lines = [
            (_separator(i) if i else b"") + _entry(k, entries[k], doc)
            for i, k in enumerate(sorted(entries))
        ]
        return b"<<\n" + b"".join(lines) + b"\n>>"


@lru_cache(maxsize=32)
def _flags(names: str | int) -> int:
    """ReportLab's field flags from their names, as its radio compares them."""
    return int(makeFlags(names, fieldFlagValues))


def _plain(document: Any) -> bool:
    """Whether dictionaries may be written from parts made once: no encryption (strings are
    encrypted with their own object's key) and ReportLab's usual line breaking."""
    return isinstance(document.encrypt, NoEncryption) and not rl_config.pdfMultiLine


def _separator(i: int) -> bytes:
    """What PDFDictionary.format puts before entry `i` (i > 0): a line break every six."""
    return b" \n  " if i % 6 == 0 else b" "


class SummaryForm(AcroForm):
    """An AcroForm that builds the shared part of each look of field once."""

    def __init__(self, canv: Any, **kwargs: Any) -> None:
        super().__init__(canv, **kwargs)
        self._streams: dict[Hashable, PDFStream] = {}
        self._looks: dict[Hashable, _Look] = {}
        self._fonts: dict[str | None, tuple[str, str]] = {}

    # Appearance streams: one per set of arguments (ReportLab keeps only the first anyway).

    def _stream(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> PDFStream:
        key = _key((method, *args), kwargs)
        if key is None:
            return getattr(super(), method)(*args, **kwargs)
        stream = self._streams.get(key)
        if stream is None:
            stream = self._streams[key] = getattr(super(), method)(*args, **kwargs)
        return stream

    def checkboxAP(self, *args: Any, **kwargs: Any) -> PDFStream:
        return self._stream("checkboxAP", args, kwargs)

    def txAP(self, *args: Any, **kwargs: Any) -> PDFStream:
        return self._stream("txAP", args, kwargs)

    def makeFont(self, fontName: str | None) -> tuple[str, str]:
        # ReportLab writes a new copy of the font for every text field, and so a new appearance
        # stream too: one copy serves them all.
        found = self._fonts.get(fontName)
        if found is None:
            found = self._fonts[fontName] = super().makeFont(fontName)
        return found

    # Fields: the first of a look through ReportLab, the rest from the shared entries.

    def _look(self, kind: str, kwargs: dict[str, Any]) -> tuple[Hashable | None, _Look | None]:
        if kwargs.get("forceBorder"):
            return None, None  # draws on the page as well: leave it all to ReportLab
        colour_space = getattr(self.canv._enforceColorSpace, "__name__", "")
        # Keyword order counts (another order only makes another look). A colour's hash
        # ignores its class (an RGB and a CMYK colour may hash alike): each value's type too.
        key = (
            kind,
            colour_space,
            *((k, type(v), v) for k, v in kwargs.items() if k not in _PER_FIELD),
        )
        try:
            return key, self._looks.get(key)
        except TypeError:  # a value that cannot be hashed: leave it all to ReportLab
            return None, None

    def _remember(self, key: Hashable | None, ref: PDFObjectReference, own: frozenset[str]) -> None:
        if key is not None:
            widget = self.canv._doc.idToObject[ref.name]
            self._looks[key] = _Look({k: v for k, v in widget.dict.items() if k not in own})

    def _add(self, look: _Look, own: dict[str, Any], args: dict[str, Any]) -> PDFObjectReference:
        """Put a field of a known look on the page at its place; its reference."""
        x, y = args["x"], args["y"]
        if args["relative"]:
            x, y = self.canv.absolutePosition(x, y)
        width = args.get("width", args.get("size"))
        height = args.get("height", args.get("size"))
        own["P"] = self.canv._doc.thisPageRef()
        own["Rect"] = _Numbers((x, y, x + width, y + height))
        widget = _Field(look, own)
        self.canv._addAnnotation(widget)
        return self.getRef(widget)

    def radio(self, *args: Any, **kwargs: Any) -> None:
        key, look = self._look("radio", kwargs)
        if args or look is None:
            super().radio(*args, **kwargs)
            if not args:
                self._remember(key, self._radios[kwargs.get("name")].kids[-1], _RADIO_OWN)
            return
        full = {**_RADIO, **kwargs}
        name, value = full["name"], full["value"]
        # As ReportLab's radio does, without the parts this look already has.
        if name not in self._radios:
            group = _Group(name, tooltip=full["tooltip"], fieldFlags=full["fieldFlags"])
            group._ref = self.getRef(group)
            self._radios[name] = group
            self.fields.append(group._ref)
        else:
            group = self._radios[name]
            if _flags(full["fieldFlags"]) != group.Ff:
                raise ValueError(f"radio.{name}.{value} created with different flags")
        state = value if full["selected"] else "Off"
        if state == value:
            if group.V is not None and value != group.V:
                raise ValueError(
                    f"radio.{name}.{value} sets initial value conflicting with {group.V}"
                )
            group.V = value
        own = {"AS": PDFName(state), "Parent": group._ref}
        group.kids.append(self._add(look, own, full))

    def checkbox(self, *args: Any, **kwargs: Any) -> None:
        key, look = self._look("checkbox", kwargs)
        if args or look is None:
            super().checkbox(*args, **kwargs)
            if not args:
                self._remember(key, self.fields[-1], _CHECKBOX_OWN)
            return
        full = {**_CHECKBOX, **kwargs}
        state = "Yes" if full["checked"] else "Off"
        own: dict[str, Any] = {"V": PDFName(state), "AS": PDFName(state)}
        if full["tooltip"]:
            own["TU"] = PDFString(full["tooltip"])
        own["T"] = PDFString(full["name"] or f"AFF{len(self.fields):03d}")
        self.fields.append(self._add(look, own, full))

    def textfield(self, *args: Any, **kwargs: Any) -> None:
        key, look = self._look("textfield", kwargs)
        if args or look is None:
            super().textfield(*args, **kwargs)
            if not args:
                self._remember(key, self.fields[-1], _TEXTFIELD_OWN)
            return
        full = {**_TEXTFIELD, **kwargs}
        own: dict[str, Any] = {}
        if full["tooltip"]:
            own["TU"] = PDFString(full["tooltip"])
        own["T"] = PDFString(full["name"] or f"AFF{len(self.fields):03d}")
        self.fields.append(self._add(look, own, full))


def _key(head: tuple[Any, ...], kwargs: dict[str, Any]) -> Hashable | None:
    """A dictionary key for these arguments, or None if one cannot be hashed.

    Keyword order counts (a different order only makes another look). A colour's hash ignores
    its class (an RGB and a CMYK colour may hash alike), so each value's type is kept."""
    key = (*((type(v), v) for v in head), *((k, type(v), v) for k, v in kwargs.items()))
    try:
        hash(key)
    except TypeError:
        return None
    return key
