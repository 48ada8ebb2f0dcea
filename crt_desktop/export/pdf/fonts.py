"""Fonts for the leader summary: the bundled DejaVu Sans family, a system fallback for scripts
it lacks (CJK), and the splitting of text into runs by glyph coverage.

ReportLab has no font fallback of its own: a character missing from the font prints as an empty
box or nothing at all. So every user string goes through `markup()`, which escapes it and wraps
each run of characters DejaVu lacks in the fallback font, or shows a visible mark instead.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import unicodedata
from contextlib import ExitStack
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "CRTSans"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Oblique"
BOLD_ITALIC = f"{FAMILY}-BoldOblique"
FALLBACK = "CRTFallback"
HANGUL_FALLBACK = "CRTFallbackHangul"

# Printed in place of a character no available font can show: visible, never a silent gap.
MISSING_MARK = "\u25a1"  # □

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

# Places a CJK-capable TrueType font is often found when fontconfig is absent or unhelpful.
_KNOWN_FALLBACKS = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)

# Korean: the CJK fallbacks above have Chinese and Japanese, but few or no Hangul syllables.
# Debian's Noto CJK is OpenType with PostScript outlines, which ReportLab cannot embed.
_KNOWN_HANGUL = (
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/usr/share/fonts/truetype/baekmuk/gulim.ttf",
    "C:/Windows/Fonts/malgun.ttf",
    "/Library/Fonts/AppleGothic.ttf",
)

_lock = threading.Lock()
_fonts: Fonts | None = None
_keep_files = ExitStack()  # holds extracted font files open if the package is zipped


class Fonts:
    """The registered fonts and the code points each covers.

    The fallback font is large and rarely needed, so it is found and loaded on first use."""

    def __init__(
        self,
        primary: frozenset[int],
        fallback: frozenset[int] | None = None,
        hangul: frozenset[int] | None = None,
    ) -> None:
        self.primary = primary
        self._fallback = fallback
        self._hangul = hangul
        # As characters, so a whole text is checked in one set operation.
        self._printable = frozenset(map(chr, primary)) | {"\n"}

    def covers(self, text: str) -> bool:
        """Whether the bundled family prints every character of `text` (line breaks too)."""
        return self._printable.issuperset(text)

    @property
    def fallback(self) -> frozenset[int]:
        """Code points only the fallback font covers; empty when none was found."""
        with _lock:
            if self._fallback is None:
                self._fallback = _register_fallback(self.primary)
            return self._fallback

    @property
    def hangul(self) -> frozenset[int]:
        """Code points only the Korean fallback font adds; empty when none was found."""
        with _lock:
            if self._hangul is None:
                self._hangul = _register(
                    HANGUL_FALLBACK, _candidates("sans:lang=ko", _KNOWN_HANGUL), 0xAC00
                )
        return self._hangul - self.fallback - self.primary

    def font_for(self, ch: str) -> str | None:
        """The font to print `ch` in, or None when no font has it."""
        code = ord(ch)
        if code in self.primary or ch == "\n":
            return FAMILY
        # Hangul from one font, so a Korean word never mixes two designs.
        if _is_hangul(code) and code in self.hangul:
            return HANGUL_FALLBACK
        if code in self.fallback:
            return FALLBACK
        if code in self.hangul:
            return HANGUL_FALLBACK
        return None


def _is_hangul(code: int) -> bool:
    return 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def _coverage(font: TTFont) -> frozenset[int]:
    return frozenset(font.face.charToGlyph)


def _find_fallback() -> list[Path]:
    """Candidate CJK fonts, fontconfig's choice first."""
    return _candidates("sans:lang=zh-cn", _KNOWN_FALLBACKS)


def _candidates(pattern: str, known: tuple[str, ...]) -> list[Path]:
    """Font files for a fontconfig pattern, its choice first, then the known places."""
    found: list[Path] = []
    fc_match = shutil.which("fc-match")
    if fc_match:
        try:
            result = subprocess.run(
                [fc_match, "--format=%{file}", pattern],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            )
            if result.returncode == 0 and result.stdout.strip():
                found.append(Path(result.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass  # no fontconfig answer: the known paths below still apply
    found.extend(Path(p) for p in known)
    return found


def _register_fallback(primary: frozenset[int]) -> frozenset[int]:
    """Register the first usable fallback font that adds CJK; its coverage, or empty."""
    return _register(FALLBACK, _find_fallback(), 0x4E00) - primary


def _register(name: str, paths: list[Path], needed: int) -> frozenset[int]:
    """Register as `name` the first usable font of `paths` that has code point `needed` (a
    fontconfig answer may be DejaVu itself: no help); its coverage, or empty."""
    for path in paths:
        if not path.is_file() or path.suffix.lower() not in (".ttf", ".ttc"):
            continue
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except Exception:  # ReportLab raises many kinds for fonts it cannot use
            continue
        coverage = _coverage(font)
        if needed not in coverage:
            continue
        pdfmetrics.registerFont(font)
        registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        return coverage
    return frozenset()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 pairs.

    ReportLab 5.1 writes them as bare hex (<1F61E>), which PDF readers reject, so an emoji
    prints but is lost when the text is copied, searched or read aloud."""
    pairs = [
        f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for i, v in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _mend_to_unicode() -> None:
    """Use the mended ToUnicode map only while ReportLab still has the flaw."""
    if "<1F61E>" in ttfonts.makeToUnicodeCMap("probe", [0x1F61E]):
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def fonts() -> Fonts:
    """Register the fonts once (thread-safe) and return their coverage."""
    global _fonts
    with _lock:
        if _fonts is None:
            _mend_to_unicode()
            folder = resources.files("crt_desktop").joinpath("resources", "fonts")
            primary: frozenset[int] = frozenset()
            for name, file in _FILES.items():
                path = _keep_files.enter_context(resources.as_file(folder.joinpath(file)))
                font = TTFont(name, str(path))
                pdfmetrics.registerFont(font)
                if name == FAMILY:
                    primary = _coverage(font)
            registerFontFamily(
                FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
            )
            _fonts = Fonts(primary)
        return _fonts


def _invisible(ch: str) -> bool:
    """Format characters and variation selectors: they change nothing a reader can see here."""
    code = ord(ch)
    return (
        unicodedata.category(ch) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    )


def _joins_previous(ch: str) -> bool:
    """Marks that belong to the character before them (accents, skin tones)."""
    return unicodedata.category(ch) in ("Mn", "Me") or 0x1F3FB <= ord(ch) <= 0x1F3FF


def runs(text: str, table: Fonts | None = None) -> list[tuple[str | None, str]]:
    """Split text into (font, text) runs; font None means "print the missing mark"."""
    table = table or fonts()
    # Composed forms print as one designed glyph rather than a letter with a floating accent.
    text = unicodedata.normalize("NFC", text)
    if table.covers(text):
        return [(FAMILY, text)] if text else []
    out: list[tuple[str | None, str]] = []
    for ch in text:
        font = table.font_for(ch)
        if font is None:
            if _invisible(ch):
                continue
            if _joins_previous(ch) and out and out[-1][0] is None:
                continue  # one mark per missing character, not one per accent on it
            ch = MISSING_MARK
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def markup(text: str, table: Fonts | None = None) -> str:
    """User text as safe Paragraph markup: escaped, line breaks kept, runs in the right font,
    right-to-left letters shaped and in display order (for one-line text: names, titles)."""
    from .bidi_text import has_rtl, visual

    if has_rtl(text):
        text = visual(text)
    return drawn_markup(text, table)


def drawn_markup(text: str, table: Fonts | None = None) -> str:
    """Text already in display order as safe Paragraph markup, runs in the right font."""
    parts: list[str] = []
    for font, run in runs(text.replace("\t", " "), table):
        safe = escape(run).replace("\n", "<br/>")
        if font in (FALLBACK, HANGUL_FALLBACK):
            parts.append(f'<font name="{font}">{safe}</font>')
        else:
            parts.append(safe)
    return "".join(parts)
