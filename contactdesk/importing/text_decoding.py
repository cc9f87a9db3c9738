"""Decide the text encoding of an address-book file once, and open it as a text stream.

The encoding is decided for the whole file, once, before a row is read; every
column (mapped, or kept in the notes) is then decoded the same way and never
with replacement characters. The order of guesses:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32);
2. NUL bytes on every other position: BOM-less UTF-16 (Windows exports);
3. strict UTF-8 over the whole file (streamed, so a stray ANSI byte deep in
   a large file is found before the import starts, not as U+FFFD in it);
4. Shift-JIS (cp932) when it decodes cleanly into Japanese text and the
   Windows-1252 reading looks like pairs of accented junk;
5. ``charset-normalizer`` over the file's non-ASCII lines (the only lines
   that tell code pages apart). Single-byte Western code pages read German,
   French or Scandinavian text identically; Windows-1252, what Western
   Windows exporters write, is named then.

The code page chosen is then verified over the whole file; a file that is not
text in it (nor in the detector's next guesses) is refused, never imported
with damaged text. Anything mostly NULs or control bytes is refused with
:class:`~contactdesk.importing.errors.UnreadableFile`.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import charset_normalizer

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


@dataclass(frozen=True, slots=True)
class FileEncoding:
    """How a whole file is decoded: the codec and how it was decided (for the summary)."""

    codec: str
    decided_by: str

    @property
    def name(self) -> str:
        """The code page as a user knows it: ``UTF-8``, ``Windows-1252``, ``Shift-JIS``."""
        canonical = codecs.lookup(self.codec).name
        return _NAMES.get(canonical, canonical.upper())


_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-32": "UTF-32",
    "cp932": "Shift-JIS",
    "shift_jis": "Shift-JIS",
    "latin-1": "ISO-8859-1",
    "iso8859-1": "ISO-8859-1",
}
_NAMES.update({f"cp{n}": f"Windows-{n}" for n in range(1250, 1259)})

BY_MARK = "byte-order mark"
BY_UTF8 = "valid UTF-8"
BY_DETECTOR = "detected"
BY_USER = "chosen"
SCAN_CHUNK = 128 * 1024
# Non-ASCII lines given to the detector: enough to tell code pages apart.
DETECTOR_SAMPLE = 256 * 1024
WESTERN = "cp1252"


def detect_encoding(head: bytes, *, path: str | Path = "<bytes>") -> str:
    """Return the Python codec name for a file whose first bytes are ``head``.

    ``head`` should be the first :data:`SAMPLE_SIZE` bytes (or the whole
    file if shorter); it may end in the middle of a character. Raises
    :class:`UnreadableFile` (naming ``path``) for binary content.
    """
    marked = _marked_encoding(head, path)
    if marked is not None:
        return marked
    if _decodes(head, "utf-8"):
        _require_text(_decode_sample(head, "utf-8"), path)
        return "utf-8"
    return _legacy_candidates(head, path)[0]


def decide_encoding(path: str | Path, *, encoding: str | None = None) -> FileEncoding:
    """Decide how the whole of ``path`` is decoded (see the module doc).

    ``encoding`` is the user's choice; it is verified like a detected one.
    Raises :class:`UnreadableFile` for binary content, or for a file that is
    not text in the chosen (or any detected) code page.
    """
    try:
        with open(path, "rb") as raw:
            head = raw.read(SAMPLE_SIZE)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be opened ({exc.strerror})") from exc
    if encoding:
        return _verified(path, [encoding], BY_USER)
    marked = _marked_encoding(head, path)
    if marked is not None:
        return FileEncoding(marked, BY_MARK)
    valid_utf8, sample = _scan(path)
    if valid_utf8:
        _require_text(_decode_sample(head, "utf-8"), path)
        return FileEncoding("utf-8", BY_UTF8)
    return _verified(path, _legacy_candidates(sample, path), BY_DETECTOR)


def _marked_encoding(head: bytes, path: str | Path) -> str | None:
    """The encoding a BOM or UTF-16's NUL pattern announces; refuses binary data."""
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
    return None


def _scan(path: str | Path) -> tuple[bool, bytes]:
    """Whether the whole file is strict UTF-8, and a sample of its non-ASCII lines."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    valid = True
    sample = bytearray()
    with open(path, "rb") as raw:
        while chunk := raw.read(SCAN_CHUNK):
            if chunk.isascii():
                continue
            if valid:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    valid = False
            if len(sample) < DETECTOR_SAMPLE:
                for line in chunk.splitlines(keepends=True):
                    if not line.isascii():
                        sample += line
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    return valid, bytes(sample[:DETECTOR_SAMPLE])


def _legacy_candidates(sample: bytes, path: str | Path) -> list[str]:
    """Code pages for non-UTF-8 text, most likely first; refuses what is no text."""
    if _looks_like_shift_jis(sample):
        return ["cp932"]
    western = _strict(sample, WESTERN)
    ranked = [
        codecs.lookup(match.encoding).name
        for match in charset_normalizer.from_bytes(sample)
        if not match.encoding.startswith("utf")
    ]
    # Western code pages read German or French text alike; name the one Windows writes.
    if western is not None and (
        not ranked or any(_strict(sample, codec) == western for codec in ranked)
    ):
        ranked.insert(0, WESTERN)
    if not ranked:
        text = sample.decode(WESTERN, errors="replace")
        if text.count("\ufffd") > len(text) * _MAX_UNDECODABLE_RATIO:
            raise UnreadableFile(path, "most bytes are not text in any known encoding")
        raise UnreadableFile(path, "its text is in no code page that could be recognised")
    _require_text(sample.decode(ranked[0], errors="replace"), path)
    return list(dict.fromkeys(ranked))


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _verified(path: str | Path, candidates: list[str], decided_by: str) -> FileEncoding:
    """The first candidate that decodes the whole file strictly; else the file is refused."""
    failure = ""
    for codec in candidates:
        try:
            codecs.lookup(codec)
        except LookupError:
            raise UnreadableFile(path, f"{codec!r} is not a known encoding") from None
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        offset = 0
        try:
            with open(path, "rb") as raw:
                while chunk := raw.read(SCAN_CHUNK):
                    decoder.decode(chunk)
                    offset += len(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            failure = f"byte {offset + error.start + 1} is not {FileEncoding(codec, '').name} text"
            continue
        return FileEncoding(codec, decided_by)
    raise UnreadableFile(path, f"{failure}; save the file as UTF-8 and import it again")


def open_text(path: str | Path, *, encoding: str | None = None) -> TextIO:
    """Open ``path`` for streaming as text, in ``encoding`` or the one decided for it.

    Decoding is strict: :func:`decide_encoding` has checked the whole file,
    so no byte becomes U+FFFD. Lines are split at LF only (a CR before it
    stays on the line, and a lone CR inside a line stays there too), so line
    numbers are the physical lines an editor shows; a file with CR alone as
    line end (classic Mac OS) is read with universal newlines instead. The
    caller closes the stream.
    """
    encoding = encoding or decide_encoding(path).codec
    try:
        raw = open(path, "rb")  # noqa: SIM115 - handed to the wrapper, closed by the caller
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be opened ({exc.strerror})") from exc
    head = raw.peek(SAMPLE_SIZE)[:SAMPLE_SIZE] if isinstance(raw, io.BufferedReader) else b""
    sample = _decode_sample(head, encoding) if head else ""
    newline = None if "\r" in sample and "\n" not in sample else "\n"
    return io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline=newline)


def not_text_in(
    path: str | Path, codec: str, error: UnicodeDecodeError, line: int | None = None
) -> UnreadableFile:
    """The refusal of a file that stops being text in ``codec`` part-way (a forced encoding)."""
    where = f"line {line}" if line else "a line"
    return UnreadableFile(
        path,
        f"{where} is not {FileEncoding(codec, BY_USER).name} text "
        f"(byte 0x{error.object[error.start]:02x}); choose another encoding",
    )


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
