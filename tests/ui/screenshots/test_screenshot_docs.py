"""The docs' screenshots are complete: every picture the Markdown names exists and is made by
``make screenshots``, and every view the app shows has a picture in the docs (issue 23.4)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from screenshots.scene_registry import SCENES
from screenshots.view_scenes import VIEW_SCENES, plain, view_tabs
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
SHOTS = ROOT / "docs" / "screenshots"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.png)\)")


def _markdown_images() -> dict[Path, list[str]]:
    """Each PNG the README and the docs show -> the Markdown files that show it."""
    found: dict[Path, list[str]] = {}
    for markdown in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        for link in IMAGE.findall(markdown.read_text(encoding="utf-8")):
            if "://" in link:
                continue
            image = (markdown.parent / link).resolve()
            found.setdefault(image, []).append(str(markdown.relative_to(ROOT)))
    return found


def test_every_screenshot_the_docs_name_exists() -> None:
    missing = [f"{image.relative_to(ROOT)} (in {', '.join(where)})"
               for image, where in _markdown_images().items() if not image.exists()]  # fmt: skip
    assert missing == []


def test_every_screenshot_in_the_docs_is_regenerated_by_make_screenshots() -> None:
    shots = [image for image in _markdown_images() if image.parent == SHOTS]
    assert shots
    unmade = sorted(image.name for image in shots if image.stem not in SCENES)
    assert unmade == [], "register a scene in screenshots/ for each of these"


def _views(window: MainWindow) -> list[str]:
    views = []
    for index in range(window.pages.count()):
        title = plain(window.pages.tabText(index))
        tabs = view_tabs(window.page(index))
        if tabs is None:
            views.append(title)
        else:
            views += [f"{title} › {plain(tabs.tabText(tab))}" for tab in range(tabs.count())]
    return views


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_every_view_a_role_sees_has_a_screenshot_in_the_docs(
    qtbot: QtBot, main_window_for: Callable[[str], MainWindow], username: str
) -> None:
    shown = {image.stem for image in _markdown_images() if image.parent == SHOTS}
    views = _views(main_window_for(username))
    assert views
    without_scene = [view for view in views if view not in VIEW_SCENES]
    assert without_scene == [], "add each to screenshots/view_scenes.py VIEW_SCENES"
    not_in_docs = [f"{view}: {VIEW_SCENES[view]}.png" for view in views
                   if VIEW_SCENES[view] not in shown]  # fmt: skip
    assert not_in_docs == [], "show these in README.md or docs/user-guide"
    assert all(VIEW_SCENES[view] in SCENES for view in views)
