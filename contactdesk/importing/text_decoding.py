"""Guess the text encoding of an address-book file and open it as a text stream.

Only a head sample (:data:`SAMPLE_SIZE` bytes) is read for detection, so a
file of any size can be streamed afterwards. The order of guesses:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. NUL bytes on every other position: BOM-less UTF-16 (Windows exports);
3. strict UTF-8;
4. Shift-JIS (cp932) when it decodes cleanly into Japanese text and the
   Windows-1252 reading looks like pairs of accented junk;
5. Windows-1252, the ANSI code page of most Western Windows exporters.

Anything that is mostly NULs or control bytes is refused with
:class:`~contactdesk.importing.errors.UnreadableFile`.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from pathlib import Path
from typing import TextIO

from contactdesk.importing.errors import UnreadableFile

SAMPLE_SIZE = 64 * 1024
"""Bytes read from the head of a file to decide its encoding."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.02
_MAX_UNDECODABLE_RATIO = 0.02


def detect_encoding(head: bytes, *, path: str | Path = "<bytes>") -> str:
    """Return the Python codec name for a file whose first bytes are ``head``.

    ``head`` should be the first :data:`SAMPLE_SIZE` bytes (or the whole
    file if shorter); it may end in the middle of a character. Raises
    :class:`UnreadableFile` (naming ``path``) for binary content.
    """
    if not head:
        return "utf-8"
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    utf16 = _bomless_utf16(head)
    if utf16 is not None:
        _require_text(_decode_sample(head, utf16), path)
        return utf16
    if head.count(0) > len(head) // 100:
        raise UnreadableFile(path, "it contains NUL bytes: binary data, not an address book")
    if _decodes(head, "utf-8"):
        _require_text(_decode_sample(head, "utf-8"), path)
        return "utf-8"
    if _looks_like_shift_jis(head):
        return "cp932"
    text = head.decode("cp1252", errors="replace")
    undecodable = text.count("\ufffd")
    if undecodable > len(text) * _MAX_UNDECODABLE_RATIO:
        raise UnreadableFile(path, "most bytes are not text in any known encoding")
    _require_text(text, path)
    return "cp1252"


def open_text(path: str | Path, *, encoding: str | None = None) -> TextIO:
    """Open ``path`` for streaming as text, in ``encoding`` or the detected one.

    Reads only a head sample to decide. Undecodable bytes further into the
    file become U+FFFD instead of stopping the import halfway. Lines are
    split at LF only (a CR before it stays on the line, and a lone CR
    inside a line stays there too), so line numbers are the physical lines
    an editor shows; a file with CR alone as line end (classic Mac OS) is
    read with universal newlines instead. The caller closes the stream.
    """
    encoding = encoding or sniff_file_encoding(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - handed to the wrapper, closed by the caller
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be opened ({exc.strerror})") from exc
    head = raw.peek(SAMPLE_SIZE)[:SAMPLE_SIZE] if isinstance(raw, io.BufferedReader) else b""
    sample = _decode_sample(head, encoding) if head else ""
    newline = None if "\r" in sample and "\n" not in sample else "\n"
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline=newline)


def sniff_file_encoding(path: str | Path) -> str:
    """Read the head of ``path`` and return its codec name (see :func:`detect_encoding`)."""
    try:
        with open(path, "rb") as raw:
            head = raw.read(SAMPLE_SIZE)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be opened ({exc.strerror})") from exc
    return detect_encoding(head, path=path)


def _decodes(head: bytes, codec: str) -> bool:
    """True if ``head`` decodes strictly, allowing a character cut at the end."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _decode_sample(head: bytes, codec: str) -> str:
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    return decoder.decode(head, final=False)


def _bomless_utf16(head: bytes) -> str | None:
    """Recognise UTF-16 without BOM by NULs in the high byte of ASCII characters."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_nuls = head[0 : pairs * 2 : 2].count(0)
    odd_nuls = head[1 : pairs * 2 : 2].count(0)
    if odd_nuls > pairs * 0.3 and even_nuls < pairs * 0.05:
        return "utf-16-le"
    if even_nuls > pairs * 0.3 and odd_nuls < pairs * 0.05:
        return "utf-16-be"
    return None


def _require_text(text: str, path: str | Path) -> None:
    """Refuse decoded text that is mostly control characters (binary data)."""
    if not text:
        return
    controls = sum(
        1
        for ch in text
        if (ch < " " and ch not in _ALLOWED_CONTROLS)
        or (unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    )
    if controls > len(text) * _MAX_CONTROL_RATIO:
        raise UnreadableFile(path, "it holds binary data (control bytes), not text")


def _is_japanese(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3000 <= code <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width and half-width forms
    )


def _looks_like_shift_jis(head: bytes) -> bool:
    """Shift-JIS if it decodes cleanly to mostly Japanese and cp1252 reads as paired junk."""
    if not _decodes(head, "cp932"):
        return False
    japanese = _decode_sample(head, "cp932")
    non_ascii = [ch for ch in japanese if ord(ch) > 0x7F]
    if len(non_ascii) < 2:
        return False
    if sum(1 for ch in non_ascii if _is_japanese(ch)) < len(non_ascii) * 0.8:
        return False
    # Western text has accented letters between ASCII ones; Shift-JIS lead
    # bytes are >= 0x81, so its cp1252 reading shows high bytes in runs.
    high = [i for i, byte in enumerate(head) if byte > 0x7F]
    high_set = set(high)
    paired = sum(1 for i in high if i - 1 in high_set or i + 1 in high_set)
    return paired > len(high) * 0.5
