"""Every screenshot scene by name (the PNG is ``<name>.png``); add an area's dict here."""

from __future__ import annotations

from screenshots.admin_scenes import ADMIN_SCENES
from screenshots.app_shell_scenes import APP_SHELL_SCENES
from screenshots.data_transfer_scenes import DATA_TRANSFER_SCENES
from screenshots.deal_scenes import DEAL_SCENES
from screenshots.main_window_scenes import MAIN_WINDOW_SCENES
from screenshots.marketing_scenes import MARKETING_SCENES
from screenshots.marketing_tools_scenes import MARKETING_TOOLS_SCENES
from screenshots.sales_scenes import SALES_SCENES
from screenshots.scene_context import Scene
from screenshots.sync_scenes import SYNC_SCENES
from screenshots.view_scenes import VIEW_TOUR_SCENES

SCENES: dict[str, Scene] = {
    **MAIN_WINDOW_SCENES,
    **MARKETING_SCENES,
    **MARKETING_TOOLS_SCENES,
    **ADMIN_SCENES,
    **SALES_SCENES,
    **DEAL_SCENES,
    **APP_SHELL_SCENES,
    **DATA_TRANSFER_SCENES,
    **SYNC_SCENES,
    **VIEW_TOUR_SCENES,
}
