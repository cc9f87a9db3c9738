"""The German translation: complete, current with ui/'s strings, and used by the app."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from ui.resource_files import translations_dir
from ui.translation import install_language

ROOT = Path(__file__).resolve().parents[3]
CATALOG = translations_dir() / "contactdesk_de.ts"
COMPILED = translations_dir() / "contactdesk_de.qm"
PLACEHOLDER = re.compile(r"%L?n|%\d+|\{\w*\}")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every current message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found.append((name, message.findtext("source") or "", translation))
    return found


def translated_texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def ui_sources() -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "ui").rglob("*.py")
        if "__pycache__" not in path.parts
    )


@pytest.fixture
def german(qapp) -> Iterator[None]:
    install_language(qapp, "de")
    yield
    install_language(qapp, "en")


def test_every_message_has_a_finished_german_translation() -> None:
    untranslated = [
        f"{context}: {source!r}"
        for context, source, translation in messages(CATALOG)
        if translation.get("type") == "unfinished"
        or not all(text.strip() for text in translated_texts(translation))
    ]
    assert untranslated == []


def test_the_catalogue_holds_every_string_of_ui(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_de.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", *ui_sources(), "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    shipped = {(context, source) for context, source, _ in messages(CATALOG)}
    missing = sorted(
        f"{context}: {source!r}"
        for context, source, _ in messages(fresh)
        if (context, source) not in shipped
    )
    assert missing == [], "run `make translations` and translate the new strings"


def test_translations_keep_the_placeholders_of_their_source() -> None:
    broken = [
        f"{context}: {source!r}"
        for context, source, translation in messages(CATALOG)
        for text in translated_texts(translation)
        if sorted(set(PLACEHOLDER.findall(source)) - {"%n", "%Ln"})
        != sorted(set(PLACEHOLDER.findall(text)) - {"%n", "%Ln"})
    ]
    assert broken == []


def test_the_compiled_catalogue_is_not_older_than_its_source(tmp_path: Path) -> None:
    rebuilt = tmp_path / "contactdesk_de.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(CATALOG), "-qm", str(rebuilt)],
        check=True,
        capture_output=True,
    )
    assert COMPILED.read_bytes() == rebuilt.read_bytes(), "run `make translations`"


def test_german_menus_in_the_main_window(german, main_window_for) -> None:
    window = main_window_for("rita")
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["&Datei", "&Bearbeiten"]


def test_german_contact_count_uses_german_plural_and_digits(german, main_window_for) -> None:
    window = main_window_for("rita")
    assert window.count_label.text() == "250 Kontakte"
    assert QLocale().toString(1234567) == "1.234.567"


def test_switching_back_to_english_restores_english_texts(qapp) -> None:
    install_language(qapp, "de")
    install_language(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
