"""Fillable fields on ReportLab's own AcroForm, with round buttons drawn to their size.

ReportLab scales the circle of a round button as if every button were 20 pt: a 14 pt button
came out as a 10 pt circle in the corner of its box. Everything else is ReportLab's, so each
field has its own appearance streams, as every PDF filler expects.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfgen.canvas import Canvas


class Form(AcroForm):
    """ReportLab's form, its round buttons centred and filling their box.

    A button's appearance streams depend only on its look and state, never on what a leader
    types, and ReportLab writes each distinct stream once anyway: they are made once per look
    here too (six per button otherwise, half the summary's time with a hundred items). Text
    fields keep an appearance each, so a filler that writes into one changes that box alone.
    """

    def __init__(self, canv: Canvas, **kwargs: Any) -> None:
        super().__init__(canv, **kwargs)
        self._button_looks: dict[Hashable, Any] = {}

    def checkboxAP(self, *args: Any, **kwargs: Any) -> Any:
        # A colour's hash ignores its class (RGB and CMYK may hash alike): the types count too.
        key = (
            *((type(a), a) for a in args),
            *((k, type(v), v) for k, v in sorted(kwargs.items())),
        )
        try:
            found = self._button_looks.get(key)
        except TypeError:  # a value that cannot be hashed: no sharing
            return super().checkboxAP(*args, **kwargs)
        if found is None:
            found = self._button_looks[key] = super().checkboxAP(*args, **kwargs)
        return found

    @staticmethod
    def circleArcStream(
        size: float, r: float, arcs: tuple[int, ...] = (0, 1, 2, 3), rotated: bool = False
    ) -> str:
        """The quarter arcs `arcs` (0 to 3, anticlockwise from the right) of a circle of
        radius `r` centred in a box of `size`, as path operators (ReportLab's path at 20 pt)."""
        c = 0.55231 * r  # Bezier control distance for a quarter circle
        half = size / 2
        matrix = "0.7071 0.7071 -0.7071 0.7071" if rotated else "1 0 0 1"
        quarters = {
            0: ((r, 0), f"{r:g} {c:g} {c:g} {r:g} 0 {r:g} c"),
            1: ((0, r), f"-{c:g} {r:g} -{r:g} {c:g} -{r:g} 0 c"),
            2: ((-r, 0), f"-{r:g} -{c:g} -{c:g} -{r:g} 0 -{r:g} c"),
            3: ((0, -r), f"{c:g} -{r:g} {r:g} -{c:g} {r:g} 0 c"),
        }
        lines = [f"{matrix} {half:g} {half:g} cm"]
        for arc in arcs:
            start, curve = quarters[arc]
            if len(lines) == 1:
                lines.append(f"{start[0]:g} {start[1]:g} m")
            lines.append(curve)
        return "\n".join(lines)


def form_of(canvas: Canvas) -> Form:
    """The canvas's form, made on first use (so a PDF without fields has none)."""
    found: Any = canvas.__dict__.get("AcroForm")
    if found is None:
        found = canvas.AcroForm = Form(canvas)
        canvas._doc._catalog.AcroForm = found
    if not isinstance(found, Form):
        raise TypeError("this canvas already has another kind of form")
    return found
