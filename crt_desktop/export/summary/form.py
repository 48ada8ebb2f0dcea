"""The summary's fillable form: ReportLab's AcroForm, with what every field of one look shares
worked out once instead of once per field.

ReportLab makes six appearance streams for every radio button and check box (normal, down and
rollover, each on and off), keeps the first of each identical stream, and builds and formats
the same dictionaries again for every field. A summary with a hundred leadership items has
hundreds of buttons in a handful of looks. This form asks ReportLab for the first field of each
look, keeps the entries that do not change from field to field (appearances, colours, border,
flags) and formats them once; later fields of that look add only their own entries (place,
page, state, name). The PDF is byte for byte what ReportLab alone would write.
"""

from __future__ import annotations

import inspect
from collections.abc import Hashable
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.acroform import AcroForm, RadioGroup, fieldFlagValues, makeFlags
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
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
# Arguments that change only a field's own entries (below), never what its look shares.
_PER_FIELD = frozenset({"x", "y", "name", "tooltip", "relative", "selected", "checked"})
_RADIO_OWN = frozenset({"AS", "P", "Parent", "Rect"})
_CHECKBOX_OWN = frozenset({"AS", "V", "P", "Rect", "T", "TU"})


def _has_string(value: Any) -> bool:
    """Whether a PDF string sits in `value`: strings are encrypted per object, so never shared."""
    if isinstance(value, PDFString):
        return True
    if isinstance(value, PDFDictionary):
        return any(_has_string(v) for v in value.dict.values())
    if isinstance(value, PDFArray):
        return any(_has_string(v) for v in value.sequence)
    return False


class _Look:
    """The entries every field of one look shares, formatted on first use."""

    def __init__(self, entries: dict[str, Any]) -> None:
        self.entries = entries
        self._formatted: dict[str, bytes] | None = None

    def formatted(self, document: Any) -> dict[str, bytes]:
        if self._formatted is None:
            self._formatted = {
                k: pdf_format(PDFName(k), document) + b" " + pdf_format(v, document)
                for k, v in self.entries.items()
            }
        return self._formatted


class _Field(PDFDictionary):
    """A field's widget dictionary: its look's entries, formatted once, and its own."""

    def __init__(self, look: _Look, own: dict[str, Any]) -> None:
        super().__init__({**look.entries, **own})
        self.look = look

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        shared = self.look.formatted(document)
        lines = [
            shared[k]
            if k in shared
            else pdf_format(PDFName(k), document) + b" " + pdf_format(v, document)
            for k, v in sorted(self.dict.items())
        ]
        # Joined exactly as PDFDictionary.format joins them.
        if (self.multiline and rl_config.pdfMultiLine) or self.multiline == "forced":
            return b"<<\n" + IND.join(lines) + b"\n>>"
        for i in reversed(range(6, len(lines), 6)):
            lines.insert(i, b"\n ")
        return b"<<\n" + b" ".join(lines) + b"\n>>"


class SummaryForm(AcroForm):
    """An AcroForm that builds the shared part of each look of field once."""

    def __init__(self, canv: Any, **kwargs: Any) -> None:
        super().__init__(canv, **kwargs)
        self._streams: dict[Hashable, PDFStream] = {}
        self._looks: dict[Hashable, _Look] = {}

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

    # Fields: the first of a look through ReportLab, the rest from the shared entries.

    def _look(self, kind: str, args: dict[str, Any]) -> tuple[Hashable | None, _Look | None]:
        if args.get("forceBorder"):
            return None, None  # draws on the page as well: leave it all to ReportLab
        shared = {k: v for k, v in args.items() if k not in _PER_FIELD}
        colour_space = getattr(self.canv._enforceColorSpace, "__name__", "")
        key = _key((kind, colour_space), shared)
        return key, (self._looks.get(key) if key is not None else None)

    def _remember(self, key: Hashable | None, ref: PDFObjectReference, own: frozenset[str]) -> None:
        if key is None:
            return
        widget = self.canv._doc.idToObject[ref.name]
        entries = {k: v for k, v in widget.dict.items() if k not in own}
        if not any(_has_string(v) for v in entries.values()):
            self._looks[key] = _Look(entries)

    def _place(self, args: dict[str, Any]) -> tuple[float, float]:
        x, y = args["x"], args["y"]
        if args["relative"]:
            x, y = self.canv.absolutePosition(x, y)
        return x, y

    def radio(self, *args: Any, **kwargs: Any) -> None:
        if args:
            return super().radio(*args, **kwargs)
        full = {**_RADIO, **kwargs}
        key, look = self._look("radio", full)
        name, value = full["name"], full["value"]
        if look is None:
            super().radio(**kwargs)
            self._remember(key, self._radios[name].kids[-1], _RADIO_OWN)
            return None
        # As ReportLab's radio does, without the parts this look already has.
        if name not in self._radios:
            group = RadioGroup(name, tooltip=full["tooltip"], fieldFlags=full["fieldFlags"])
            group._ref = self.getRef(group)
            self._radios[name] = group
            self.fields.append(group._ref)
        else:
            group = self._radios[name]
            if makeFlags(full["fieldFlags"], fieldFlagValues) != group.Ff:
                raise ValueError(f"radio.{name}.{value} created with different flags")
        state = value if full["selected"] else "Off"
        if state == value:
            if group.V is not None and value != group.V:
                raise ValueError(
                    f"radio.{name}.{value} sets initial value conflicting with {group.V}"
                )
            group.V = value
        x, y = self._place(full)
        size = full["size"]
        own = {
            "P": self.canv._doc.thisPageRef(),
            "AS": PDFName(state),
            "Rect": PDFArray((x, y, x + size, y + size)),
            "Parent": group._ref,
        }
        widget = _Field(look, own)
        self.canv._addAnnotation(widget)
        group.kids.append(self.getRef(widget))
        return None

    def checkbox(self, *args: Any, **kwargs: Any) -> None:
        if args:
            return super().checkbox(*args, **kwargs)
        full = {**_CHECKBOX, **kwargs}
        key, look = self._look("checkbox", full)
        if look is None:
            super().checkbox(**kwargs)
            self._remember(key, self.fields[-1], _CHECKBOX_OWN)
            return None
        state = "Yes" if full["checked"] else "Off"
        x, y = self._place(full)
        size = full["size"]
        own: dict[str, Any] = {
            "P": self.canv._doc.thisPageRef(),
            "V": PDFName(state),
            "AS": PDFName(state),
            "Rect": PDFArray((x, y, x + size, y + size)),
        }
        if full["tooltip"]:
            own["TU"] = PDFString(full["tooltip"])
        own["T"] = PDFString(full["name"] or f"AFF{len(self.fields):03d}")
        widget = _Field(look, own)
        self.canv._addAnnotation(widget)
        self.fields.append(self.getRef(widget))
        return None


def _key(head: tuple[Any, ...], kwargs: dict[str, Any]) -> Hashable | None:
    """A dictionary key for these arguments, or None if one cannot be hashed.

    A colour's hash ignores its class (an RGB and a CMYK colour may hash alike): keep the type."""
    key = (*((type(v), v) for v in head), *sorted((k, type(v), v) for k, v in kwargs.items()))
    try:
        hash(key)
    except TypeError:
        return None
    return key
