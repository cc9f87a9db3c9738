"""pytest-qt: the Phones and Calendars dialog makes, lists and revokes app passwords."""

from __future__ import annotations

import httpx
from pytestqt.qtbot import QtBot
from server_process import ServerProcess

from contactdesk.sync.server_client import ServerClient
from ui.database_worker import DatabaseWorker
from ui.sync.phone_access_dialog import PhoneAccessDialog

PROPFIND = (
    '<?xml version="1.0"?><d:propfind xmlns:d="DAV:">'
    "<d:prop><d:resourcetype/></d:prop></d:propfind>"
)


def can_sign_in(server: ServerProcess, password: str) -> bool:
    answer = httpx.request(
        "PROPFIND",
        f"{server.url}/dav/mia/",
        auth=("mia", password),
        content=PROPFIND.encode(),
        headers={"Depth": "0"},
    )
    return answer.status_code == 207


def test_a_phone_password_is_made_shown_once_and_revoked(
    server: ServerProcess, qtbot: QtBot
) -> None:
    signed_in = server.client("mia")
    token = signed_in.token

    def client() -> ServerClient:
        return ServerClient(server.url, token)

    dialog = PhoneAccessDialog(client, server.url, "mia", DatabaseWorker(immediate=True))
    qtbot.addWidget(dialog)
    assert dialog.address_edit.text() == f"{server.url}/dav/"
    assert dialog.user_edit.text() == "mia"
    assert dialog.passwords.count() == 0

    dialog.create_password()
    assert "Name the phone" in dialog.status_label.text()
    dialog.label_edit.setText("Mia's Android")
    dialog.create_password()
    password = dialog.new_password.text()
    assert dialog.new_password.isVisibleTo(dialog) and len(password) >= 24
    assert dialog.passwords.count() == 1
    assert dialog.passwords.item(0).text().startswith("Mia's Android (made ")
    assert can_sign_in(server, password)

    dialog.passwords.setCurrentRow(0)
    assert dialog.revoke_button.isEnabled()
    dialog.revoke_selected()
    assert dialog.passwords.count() == 0
    assert dialog.new_password.text() == "" and not dialog.new_password.isVisibleTo(dialog)
    assert not can_sign_in(server, password)
    signed_in.close()
