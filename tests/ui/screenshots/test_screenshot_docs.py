"""The docs' screenshots are complete: every picture the Markdown names exists and is made by
``make screenshots``, and every view the app shows (each page and tab of each role's window,
each window a menu opens) has a picture in the user guides (issue 23.4 and 23.5)."""

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
GUIDES = ROOT / "docs" / "user-guide"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.png)\)")

# Each menu item that opens a window of its own -> the scene that shows that window.
MENU_SCENES = {
    "File › Import…": "import_wizard_mapping",
    "File › Import History…": "import_history",
    "File › Export…": "export_dialog",
    "File › Find Duplicates…": "duplicate_review",
    "File › Switch User…": "switch_user",
    "Edit › Preferences…": "preferences",
    "Sync › Sign In…": "sync_sign_in",
    "Sync › Conflicts…": "sync_conflict_center",
    "Sync › Phones and Calendars…": "sync_phone_access",
}
# Menu items that act on the window itself (or open the guide, or a message box).
MENU_ACTIONS = {
    "File › New Contact…", "File › Save", "File › Close Window", "File › Quit", "Edit › Undo",
    "Edit › Find…", "Sync › Sync Now", "Sync › Sign Out", "Help › ContactDesk User Guide",
    "Help › Keyboard Shortcuts", "Help › About ContactDesk",
}  # fmt: skip


def _markdown_images(documents: list[Path] | None = None) -> dict[Path, list[str]]:
    """Each PNG the README and the docs show -> the Markdown files that show it."""
    found: dict[Path, list[str]] = {}
    every = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for markdown in every if documents is None else documents:
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


def _in_the_guides() -> set[str]:
    guides = sorted(GUIDES.glob("*.md"))
    return {image.stem for image in _markdown_images(guides) if image.parent == SHOTS}


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_every_view_a_role_sees_has_a_screenshot_in_the_user_guides(
    qtbot: QtBot, main_window_for: Callable[[str], MainWindow], username: str
) -> None:
    shown = _in_the_guides()
    views = _views(main_window_for(username))
    assert views
    without_scene = [view for view in views if view not in VIEW_SCENES]
    assert without_scene == [], "add each to screenshots/view_scenes.py VIEW_SCENES"
    not_in_docs = [f"{view}: {VIEW_SCENES[view]}.png" for view in views
                   if VIEW_SCENES[view] not in shown]  # fmt: skip
    assert not_in_docs == [], "show these in docs/user-guide"
    assert all(VIEW_SCENES[view] in SCENES for view in views)


def _menu_items(window: MainWindow) -> list[str]:
    items = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        items += [f"{plain(menu_action.text())} › {plain(action.text())}"
                  for action in menu.actions() if not action.isSeparator()]  # fmt: skip
    return items


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_every_window_a_menu_opens_has_a_screenshot_in_the_user_guides(
    qtbot: QtBot, main_window_for: Callable[[str], MainWindow], username: str
) -> None:
    window = main_window_for(username)
    pages = {
        f"View › {plain(window.pages.tabText(index))}" for index in range(window.pages.count())
    }
    items = [item for item in _menu_items(window) if item not in pages]
    unknown = [item for item in items if item not in MENU_SCENES and item not in MENU_ACTIONS]
    assert unknown == [], "add each to MENU_SCENES (with its scene) or MENU_ACTIONS"
    shown = _in_the_guides()
    not_in_guides = [f"{item}: {MENU_SCENES[item]}.png" for item in items
                     if item in MENU_SCENES and MENU_SCENES[item] not in shown]  # fmt: skip
    assert not_in_guides == [], "show these in docs/user-guide"
    assert all(MENU_SCENES[item] in SCENES for item in items if item in MENU_SCENES)
