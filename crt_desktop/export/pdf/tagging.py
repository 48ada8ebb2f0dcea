"""Tagged PDF (PDF/UA-1) on ReportLab: a structure tree in reading order, built beside the story.

ReportLab writes no structure tree of its own. Here the tree is made while the story is made
(so its order is the reading order): `Tags.element()` adds a structure element, and a
flowable wrapped in `Tagged` marks what it draws (`/P <</MCID n>> BDC … EMC`) as that
element's content, on whatever page it lands; a split paragraph adds its pieces to the same
element. What only decorates (stripes, rules, table backgrounds, the running footer) is drawn
as `/Artifact`. Fields join their `Form` element through an object reference. At the end
`Tags.finish()` writes the tree, the parent tree, `/MarkInfo`, `/Lang`, the title shown as the
window title and the XMP metadata, all with ReportLab's own PDF objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.tables import Table, TableRenderCB

TAGS_ATTRIBUTE = "_crt_tags"  # where a canvas keeps the document's Tags
_DRAW_NOTHING = (Spacer, CondPageBreak, PageBreak)


@dataclass(eq=False)
class Element:
    """One structure element: its role (H1, P, Table, TH, Figure, Form, ...), its children in
    reading order, and what it carries (alternative text, the logical text, attributes)."""

    role: str
    parent: Element | None = None
    alt: str = ""
    actual_text: str = ""
    lang: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    # Elements, or marked content as (page number, MCID), or a field as (page number, reference).
    kids: list[Element | tuple[int, int] | tuple[int, PDFObjectReference]] = field(
        default_factory=list
    )

    def has_content(self) -> bool:
        return any(not isinstance(k, Element) or k.has_content() for k in self.kids)


class Tags:
    """The structure tree of one document, and the marked content of its pages."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.root = Element("Document")
        self._mcids: dict[int, int] = {}  # page number -> next MCID
        self._page_parents: dict[int, list[Element]] = {}  # page -> element of each MCID
        self._fields: list[tuple[Element, PDFObjectReference]] = []  # each field's Form

    def element(self, role: str, parent: Element | None = None, **details: Any) -> Element:
        """A new element at the end of `parent` (the document when None)."""
        under = parent or self.root
        made = Element(role, under, **details)
        under.kids.append(made)
        return made

    # While pages are drawn --------------------------------------------------------------

    def begin(self, canvas: Any, element: Element) -> None:
        """Open marked content for `element` on the canvas's current page.

        Right-to-left text carries its logical text as the element's /ActualText, not in a
        Span of the page: poppler reorders a Span's text as if it were drawn, reversing it."""
        page = canvas.getPageNumber()
        mcid = self._mcids.get(page, 0)
        self._mcids[page] = mcid + 1
        self._page_parents.setdefault(page, []).append(element)
        element.kids.append((page, mcid))
        canvas.addLiteral(f"/{element.role} <</MCID {mcid}>> BDC")

    @staticmethod
    def end(canvas: Any) -> None:
        canvas.addLiteral("EMC")

    def add_field(self, canvas: Any, element: Element, ref: PDFObjectReference) -> None:
        """Put a field's widget (just added to the canvas's page) into `element`."""
        page = canvas.getPageNumber()
        element.kids.append((page, ref))
        self._fields.append((element, ref))

    # At the end -----------------------------------------------------------------------

    def finish(self, canvas: Any, *, title: str, pages: list[Any]) -> None:
        """Write the tree and the catalog entries; `pages` are the document's page objects."""
        doc = canvas._doc
        refs: dict[int, PDFObjectReference] = {}
        parent_tree: list[Any] = []
        root_dict = PDFDictionary({"Type": PDFName("StructTreeRoot")})
        root_ref = doc.Reference(root_dict)
        for number, page in enumerate(pages, start=1):
            page.StructParents = number - 1
            page.Tabs = PDFName("S")
            # The page dictionary writes only the entries it lists.
            page.__NoDefault__ = [*type(page).__NoDefault__, "StructParents", "Tabs"]
        self._write(self.root, root_ref, doc, refs)
        for number in range(1, len(pages) + 1):
            owners = self._page_parents.get(number, [])
            parent_tree += [number - 1, PDFArray([refs[id(e)] for e in owners])]
        key = len(pages)
        for element, ref in self._fields:
            widget = doc.idToObject[ref.name]
            widget.dict["StructParent"] = key
            parent_tree += [key, refs[id(element)]]
            key += 1
        root_dict.dict.update(
            {
                "K": PDFArray([refs[id(self.root)]]),
                "ParentTree": PDFDictionary({"Nums": PDFArray(parent_tree)}),
                "ParentTreeNextKey": key,
            }
        )
        catalog = doc._catalog
        catalog.StructTreeRoot = root_ref
        catalog.MarkInfo = PDFDictionary({"Marked": "true"})  # a plain string: written bare
        catalog.Lang = PDFString(self.lang)
        catalog.Metadata = _xmp(title, self.lang)
        canvas.setViewerPreference("DisplayDocTitle", "true")

    def _write(
        self,
        element: Element,
        parent_ref: PDFObjectReference,
        doc: Any,
        refs: dict[int, PDFObjectReference],
    ) -> None:
        entries: dict[str, Any] = {
            "Type": PDFName("StructElem"),
            "S": PDFName(element.role),
            "P": parent_ref,
        }
        made = PDFDictionary()
        made.dict = entries  # filled in below: PDFDictionary() would take a copy
        ref = doc.Reference(made)
        refs[id(element)] = ref
        kids: list[Any] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                if kid.has_content() or kid.alt:
                    self._write(kid, ref, doc, refs)
                    kids.append(refs[id(kid)])
                continue
            page, what = kid
            page_ref = PDFObjectReference(f"Page{page}")
            if isinstance(what, PDFObjectReference):
                kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Obj": what, "Pg": page_ref}))
            else:
                kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": page_ref, "MCID": what}))
        entries["K"] = PDFArray(kids)
        if element.alt:
            entries["Alt"] = PDFString(element.alt)
        if element.actual_text:
            entries["ActualText"] = PDFString(element.actual_text)
        if element.lang:
            entries["Lang"] = PDFString(element.lang)
        if element.attributes:
            entries["A"] = PDFDictionary({k: PDFName(v) for k, v in element.attributes.items()})


_ALT_TEXTS: WeakKeyDictionary[Drawing, str] = WeakKeyDictionary()


def describe(drawing: Drawing, alt: str) -> Drawing:
    """Give a drawing the words a screen reader says instead of it (a chart's numbers)."""
    _ALT_TEXTS[drawing] = alt
    return drawing


def tags_of(canvas: Any) -> Tags | None:
    """The document's tags, or None when the PDF is not tagged (a canvas of its own)."""
    found: Tags | None = canvas.__dict__.get(TAGS_ATTRIBUTE)
    return found


@contextmanager
def artifact(canvas: Any, kind: str = "") -> Iterator[None]:
    """Draw decoration or pagination (a footer, a stripe) outside the structure tree."""
    if tags_of(canvas) is None:
        yield
        return
    attrs = f" <</Type /{kind}>> BDC" if kind else " BMC"
    canvas.addLiteral(f"/Artifact{attrs}")
    try:
        yield
    finally:
        canvas.addLiteral("EMC")


class Tagged(Flowable):
    """A flowable whose drawing is the content of one structure element.

    Laid out and split as the flowable itself; each piece of a split marks its part into the
    same element. Drawn a second time (a repeated table header, say), it is an artifact."""

    def __init__(self, inner: Flowable, element: Element | None) -> None:
        super().__init__()
        self.inner = inner
        self.element = element
        self._drawn = False
        for name in ("spaceBefore", "spaceAfter", "keepWithNext", "hAlign"):
            if hasattr(inner, name):
                setattr(self, name, getattr(inner, name))

    def __getattr__(self, name: str) -> Any:
        # Whatever else the document asks of the flowable (its run of headings, say).
        if name in ("inner", "canv") or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.inner, name)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.inner.wrap(availWidth, availHeight)
        self.width, self.height = width, height
        return width, height

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:
        width, height = self.inner.wrapOn(canv, aW, aH)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [Tagged(piece, self.element) for piece in self.inner.split(availWidth, availHeight)]

    def splitOn(self, canv: Any, aW: float, aH: float) -> list[Flowable]:
        return [Tagged(piece, self.element) for piece in self.inner.splitOn(canv, aW, aH)]

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        tags = tags_of(canvas)
        if tags is None or self.element is None:
            self.inner.drawOn(canvas, x, y, _sW)
            return
        if self._drawn:
            with artifact(canvas, "Pagination"):
                self.inner.drawOn(canvas, x, y, _sW)
            return
        self._drawn = True
        tags.begin(canvas, self.element)
        try:
            self.inner.drawOn(canvas, x, y, _sW)
        finally:
            tags.end(canvas)

    def draw(self) -> None:  # pragma: no cover - drawOn draws the inner flowable itself
        self.inner.drawOn(self.canv, 0, 0)


class Decoration(Flowable):
    """A flowable that only decorates (a rule): drawn as an artifact."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner
        for name in ("spaceBefore", "spaceAfter"):
            if hasattr(inner, name):
                setattr(self, name, getattr(inner, name))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self.inner.wrap(availWidth, availHeight)
        self.width, self.height = width, height
        return width, height

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:
        width, height = self.inner.wrapOn(canv, aW, aH)
        self.width, self.height = width, height
        return width, height

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        with artifact(canvas, "Layout"):
            self.inner.drawOn(canvas, x, y, _sW)

    def draw(self) -> None:  # pragma: no cover - drawOn draws the inner flowable itself
        self.inner.drawOn(self.canv, 0, 0)


class TableTags(TableRenderCB):
    """Marks a table's cells as its TH and TD elements and its lines and shading as artifacts
    (ReportLab's table calls this at each step of its drawing)."""

    def __init__(self, cells: dict[int, Element]) -> None:
        self.cells = cells  # id of a cell's flowable -> its TH or TD element
        self._drawn: set[int] = set()
        self._open: list[bool] = []

    def startTable(self, T: Table) -> None:
        pass

    def startBG(self, T: Table) -> None:
        self._artifact_begin(T)

    def endBG(self, T: Table) -> None:
        self._artifact_end(T)

    def startRow(self, T: Table, rowNo: int) -> None:
        pass

    def endRow(self, T: Table) -> None:
        pass

    def startCell(
        self, T: Table, rowNo: int, colNo: int, cellval: Any, cellstyle: Any, pos: Any, size: Any
    ) -> None:
        canvas, tags = T.canv, tags_of(T.canv)
        key = _cell_key(cellval)
        element = self.cells.get(key)
        if tags is None or element is None or key in self._drawn:
            self._open.append(False)
            if tags is not None:  # a header row repeated on a later page
                canvas.addLiteral("/Artifact <</Type /Pagination>> BDC")
                self._open[-1] = True
            return
        self._drawn.add(key)
        tags.begin(canvas, element)
        self._open.append(True)

    def endCell(self, T: Table) -> None:
        if self._open.pop():
            T.canv.addLiteral("EMC")

    def startLines(self, T: Table) -> None:
        self._artifact_begin(T)

    def endLines(self, T: Table) -> None:
        self._artifact_end(T)

    def endTable(self, T: Table) -> None:
        pass

    @staticmethod
    def _artifact_begin(T: Table) -> None:
        if tags_of(T.canv) is not None:
            T.canv.addLiteral("/Artifact <</Type /Layout>> BDC")

    @staticmethod
    def _artifact_end(T: Table) -> None:
        if tags_of(T.canv) is not None:
            T.canv.addLiteral("EMC")


def _xmp(title: str, lang: str) -> PDFStream:
    """XMP metadata with the title and the PDF/UA-1 identification, uncompressed."""
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>CRT Desktop</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        packet.encode("utf-8"),
        filters=[],
    )
    return stream


def tag_story(story: list[Flowable], tags: Tags, parent: Element | None = None) -> list[Flowable]:
    """The story with every flowable tagged by what it is, in reading order.

    A heading is H1 (the document's title style) or H2; a run of list lines is a list; a note
    block is a Div of its parts; a table gets TH and TD cells; a drawing is a Figure with its
    `alt_text`; a rule is decoration. A flowable that tags itself has `structure(tags, parent)`.
    """
    out: list[Flowable] = []
    items: Element | None = None  # the open list, while list lines follow one another
    for flowable in story:
        style = getattr(getattr(flowable, "style", None), "name", "")
        if isinstance(flowable, Paragraph) and style in LIST_STYLES:
            if items is None:
                items = tags.element("L", parent)
            item = tags.element("LI", items)
            out.append(Tagged(flowable, tags.element("LBody", item)))
            continue
        items = None
        out.append(_tagged(flowable, tags, parent, style))
    return out


LIST_STYLES = frozenset({"box"})  # the style of checklist and bullet lines


def _tagged(flowable: Flowable, tags: Tags, parent: Element | None, style: str) -> Flowable:
    from .blocks import Heading, Striped

    structure = getattr(flowable, "structure", None)
    if structure is not None:
        made: Flowable = structure(tags, parent)
        return made
    if isinstance(flowable, Heading):
        return Tagged(flowable, tags.element("H2", parent))
    logical = getattr(flowable, "actual_text", "")  # right-to-left text, as written
    if isinstance(flowable, Paragraph):
        role = "H1" if style == "title" else "P"
        return Tagged(flowable, tags.element(role, parent, actual_text=logical))
    if isinstance(flowable, Striped):
        block = tags.element("Div", parent)
        flowable.parts = tag_story(flowable.parts, tags, block)
        return flowable
    if isinstance(flowable, KeepTogether):
        flowable._content = tag_story(list(flowable._content), tags, parent)
        return flowable
    if isinstance(flowable, Table):
        _tag_table(flowable, tags, parent)
        return flowable
    if isinstance(flowable, Drawing):
        alt = _ALT_TEXTS.get(flowable, "") or "A chart."
        return Tagged(flowable, tags.element("Figure", parent, alt=alt))
    if isinstance(flowable, HRFlowable):
        return Decoration(flowable)
    if type(flowable) in _DRAW_NOTHING:
        return flowable
    # Lines drawn straight on the canvas (a note's details, boxes to tick): a paragraph.
    return Tagged(flowable, tags.element("P", parent, actual_text=logical))


def _tag_table(table: Table, tags: Tags, parent: Element | None) -> None:
    """Tag a ReportLab table's cells (its first row as column headers, its first column as
    row headers) through the drawing callback ReportLab's Table offers."""
    element = tags.element("Table", parent)
    cells: dict[int, Element] = {}
    header_rows = max(1, int(getattr(table, "repeatRows", 1) or 1))
    for i, row in enumerate(table._cellvalues):
        tr = tags.element("TR", element)
        for j, cell in enumerate(row):
            if i < header_rows or j == 0:
                scope = "Column" if i < header_rows else "Row"
                made = tags.element("TH", tr, attributes={"O": "Table", "Scope": scope})
            else:
                made = tags.element("TD", tr)
            cells[_cell_key(cell)] = made
    table._renderCB = TableTags(cells)


def _cell_key(cell: Any) -> int:
    """Which cell this is: a table keeps a lone flowable in a cell as a one-item tuple."""
    if isinstance(cell, list | tuple) and cell:
        return id(cell[0])
    return id(cell)
