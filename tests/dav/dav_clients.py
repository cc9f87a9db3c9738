"""Real DAV clients against the real server process: vdirsyncer's CLI and plain HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import httpx
from server_process import ServerProcess

VDIRSYNCER_BIN = str(Path(sys.executable).with_name("vdirsyncer"))


def app_password(server: ServerProcess, username: str, label: str = "Phone") -> str:
    """A new app password of ``username``, made through the server's API as the desktop does."""
    client = server.client(username)
    try:
        made = client.call("POST", "/auth/app-passwords", {"label": label})
    finally:
        client.close()
    password: str = made["password"]
    return password


@dataclass
class Vdirsyncer:
    """vdirsyncer with one pair per collection: a local folder and the server's collection."""

    folder: Path
    server: ServerProcess
    username: str
    password: str

    @property
    def contacts(self) -> Path:
        return self.folder / "phone" / "contacts"

    @property
    def activities(self) -> Path:
        return self.folder / "phone" / "activities"

    def write_config(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        lines = ["[general]", f'status_path = "{self.folder / "status"}/"', ""]
        for name, kind, extension in (
            ("contacts", "carddav", ".vcf"),
            ("activities", "caldav", ".ics"),
        ):
            lines += [
                f"[pair {name}]",
                f'a = "{name}_local"',
                f'b = "{name}_server"',
                # Discovery: vdirsyncer finds the server's collections from its root URL.
                'collections = ["from b"]',
                "conflict_resolution = null",
                "",
                f"[storage {name}_local]",
                'type = "filesystem"',
                f'path = "{self.folder / "phone"}/"',
                f'fileext = "{extension}"',
                "",
                f"[storage {name}_server]",
                f'type = "{kind}"',
                f'url = "{self.server.url}/"',
                f'username = "{self.username}"',
                f'password = "{self.password}"',
                "",
            ]
        (self.folder / "config").write_text("\n".join(lines))

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "VDIRSYNCER_CONFIG": str(self.folder / "config")}
        return subprocess.run(
            [VDIRSYNCER_BIN, *args],
            env=env,
            input="y\n" * 10,  # discover asks before it makes each local collection
            capture_output=True,
            text=True,
            timeout=120,
        )

    def sync(self) -> subprocess.CompletedProcess[str]:
        return self.run("sync")


def dav_call(
    server: ServerProcess,
    method: str,
    path: str,
    auth: tuple[str, str],
    body: str | bytes | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """One plain HTTP request to the server's DAV side, as a phone would make it."""
    content = body.encode() if isinstance(body, str) else body
    return httpx.request(
        method,
        server.url + path,
        auth=auth,
        content=content,
        headers=headers or {},
        timeout=30,
    )


SYNC_COLLECTION = """<?xml version="1.0" encoding="utf-8"?>
<d:sync-collection xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
  <d:sync-token>{token}</d:sync-token>
  <d:sync-level>1</d:sync-level>
  <d:prop><d:getetag/>{data}</d:prop>
</d:sync-collection>"""
