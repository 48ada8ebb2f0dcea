"""The summary's form writes exactly what ReportLab's own AcroForm writes, only faster."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary
from reportlab.pdfgen.canvas import Canvas

from crt_desktop.export.summary.form import RefArray, SummaryForm

EDGE = colors.HexColor("#8A96A3")
FILL = colors.HexColor("#F4F7FB")


def _fields(canvas: Canvas, *, text: bool = True) -> None:
    """Several items' answer fields over two pages, in a few looks, as the summary draws them."""
    form = canvas.acroForm
    common: dict[str, Any] = {"borderColor": EDGE, "fillColor": FILL, "borderWidth": 0.8}
    for page in range(2):
        for item in range(4):
            group = f"crt/1/n{page}{item}/status"
            for i, value in enumerate(("agreed", "later", "no")):
                form.radio(
                    name=group,
                    value=value,
                    selected=i == item % 3,
                    x=40 + 60 * i,
                    y=700 - 90 * item,
                    size=10,
                    buttonStyle="circle",
                    shape="circle",
                    fieldFlags="radio",
                    tooltip=f"{value.title()} \\ {item}",
                    relative=True,
                    **common,
                )
            form.checkbox(
                name=f"crt/1/n{page}{item}/impossible",
                checked=item == 2,
                x=240,
                y=700 - 90 * item,
                size=10,
                buttonStyle="check",
                fieldFlags="",
                # Plain, escaped, non-ASCII and missing tooltips.
                tooltip=(None, "Not possible (only later)", "Réponse", "Plain")[item],
                **common,
            )
            if not text:
                continue
            form.textfield(
                name=f"crt/1/n{page}{item}/reason",
                value="",
                x=40,
                y=650 - 90 * item,
                width=300,
                height=36,
                fieldFlags="multiline",
                fontSize=10,
                **common,
            )
        form.checkbox(checked=True, x=400, y=100)  # ReportLab's defaults and a made-up name
        canvas.showPage()


def _write(fast: bool, *, text: bool = True) -> tuple[bytes, Canvas]:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    if fast:
        canvas.AcroForm = SummaryForm(canvas)
        canvas._doc._catalog.AcroForm = canvas.AcroForm
    _fields(canvas, text=text)
    canvas.save()
    return out.getvalue(), canvas


def test_same_bytes_as_reportlab() -> None:
    """Radio buttons and check boxes come out byte for byte as ReportLab writes them."""
    stock, _ = _write(fast=False, text=False)
    fast, _ = _write(fast=True, text=False)
    assert fast == stock


def test_text_fields_share_one_font_and_appearance() -> None:
    """Text fields read back as ReportLab's do, with one font copy and one appearance for all."""
    stock = PdfReader(io.BytesIO(_write(fast=False)[0]))
    fast = PdfReader(io.BytesIO(_write(fast=True)[0]))

    def fields(reader: PdfReader) -> dict[str, Any]:
        found = reader.get_fields() or {}
        return {
            k: (v.get("/FT"), v.get("/V"), v.get("/Ff"), v.get("/DA")) for k, v in found.items()
        }

    assert fields(fast) == fields(stock)
    assert len(fields(fast)) == 2 * (4 * 3 + 1)
    # ReportLab writes a font and an appearance stream for each of the 8 text fields.
    sizes: list[Any] = [stock.trailer["/Size"], fast.trailer["/Size"]]
    assert sizes[0] - sizes[1] == 2 * (8 - 1)


def test_fields_of_one_look_share_their_entries() -> None:
    """After the first field of a look, the rest reuse its entries instead of rebuilding them."""
    _, canvas = _write(fast=True)
    objects = canvas._doc.idToObject.values()
    shared = [o for o in objects if type(o).__name__ == "_Field"]
    # 24 radios, 10 check boxes and 8 text fields in 3 + 2 + 1 looks: all but the first of
    # each look shared.
    assert len(shared) == 24 + 10 + 8 - 6


@pytest.mark.parametrize("count", [1, 10, 11, 25])
def test_reference_arrays_are_written_as_reportlab_writes_them(count: int) -> None:
    """A page's field list comes out as PDFArray writes it, line breaks every ten included."""
    canvas = Canvas(io.BytesIO(), invariant=1)
    document = canvas._doc
    refs = [document.Reference(PDFDictionary({"N": i})) for i in range(count)]
    assert RefArray(refs).format(document) == PDFArray(refs).format(document)
