"""Loading the interface language: ContactDesk's own translation and Qt's standard texts.

``install_language(app, code)`` loads ``resources/translations/contactdesk_<lang>.qm``
(and Qt's ``qtbase_<lang>.qm`` for standard buttons) and makes that language's
QLocale the default, so ``%Ln``, dates and numbers follow it. ``""`` means the
system language. English is the source language and needs no file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.resource_files import translations_dir

SOURCE_LANGUAGE = "en"
CATALOG_NAME = "contactdesk"

_installed: list[QTranslator] = []


def available_languages() -> list[str]:
    """Language codes the app can show: English plus every shipped ``contactdesk_<code>.qm``."""
    shipped = sorted(
        path.stem.removeprefix(f"{CATALOG_NAME}_")
        for path in translations_dir().glob(f"{CATALOG_NAME}_*.qm")
    )
    return [SOURCE_LANGUAGE, *shipped]


def resolve_language(code: str) -> str:
    """``code``, or the system's language when ``code`` is empty."""
    if code:
        return code
    system = QLocale.system().name().split("_")[0]
    # The "C" locale (no locale configured) reads best as English.
    return SOURCE_LANGUAGE if system in ("C", "") else system


def language_locale(language: str, system: QLocale) -> QLocale:
    """The locale dates and numbers follow: the system's when it speaks ``language``.

    An English user in the UK keeps day/month order (en_GB), where ``QLocale("en")``
    alone would mean the United States; another language takes its own default.
    """
    chosen = QLocale(language)
    return system if system.language() == chosen.language() else chosen


def install_language(app: QCoreApplication, code: str) -> str:
    """Replace the installed translators with those of ``code``; returns the language used.

    A language without a shipped translation falls back to English texts, but
    its locale still formats dates and numbers.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(code)
    QLocale.setDefault(language_locale(language, QLocale.system()))
    if language == SOURCE_LANGUAGE:
        return language
    own = QTranslator(app)
    if own.load(f"{CATALOG_NAME}_{language}", str(translations_dir())):
        app.installTranslator(own)
        _installed.append(own)
    qt_texts = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_texts.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_texts)
        _installed.append(qt_texts)
    return language
