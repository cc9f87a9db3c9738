"""The shell examples of the README and docs/, and one bash that runs them as a reader would.

A ```sh block is an example a reader may paste. Its commands (a line, with its ``\\``
continuations) run in order in one bash per Markdown file, so a variable one command sets
(``id=$(contactdesk record add ...)``) and the files it writes are there for the next. A
line that cannot run here says so to the reader too, by ending in ``# not run: <reason>``
(opens the app, needs a server).
"""

from __future__ import annotations

import os
import re
import selectors
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.DOTALL | re.MULTILINE)
NOT_RUN = re.compile(r"#\s*not run:\s*\S")
DONE = "--- example done ---"


def shell_commands(document: Path) -> list[str]:
    """The document's ```sh commands in order (continuations joined), less those not run."""
    commands: list[str] = []
    for block in SH_BLOCK.findall(document.read_text(encoding="utf-8")):
        pending: list[str] = []
        for line in block.splitlines():
            pending.append(line)
            if line.rstrip().endswith("\\"):
                continue
            command = "\n".join(pending)
            pending = []
            if command.strip() and not NOT_RUN.search(command):
                commands.append(command)
    return commands


def environment(home: Path) -> dict[str, str]:
    """A reader's shell: this checkout's ``contactdesk`` first on PATH, nothing configured."""
    bin_dir = str(Path(sys.executable).parent)
    env = {key: value for key, value in os.environ.items() if not key.startswith("CONTACTDESK")}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


@dataclass(frozen=True)
class Ran:
    """One command as it ran: what it printed, and the shell it ran in (to look at its effect)."""

    command: str
    returncode: int
    stdout: str
    stderr: str
    shell: ShellSession

    def then(self, command: str) -> str:
        """What ``command`` (a read that checks this one's effect) prints in the same shell."""
        ran = self.shell.run(command)
        assert ran.returncode == 0, f"`{command}` failed: {ran.stderr[-1000:]}"
        return ran.stdout

    def value(self, variable: str) -> str:
        """A shell variable an example set (``id=$(...)``)."""
        return self.then(f'printf "%s" "${variable}"')

    @property
    def folder(self) -> Path:
        return self.shell.folder


class ShellSession:
    """One bash for a document's examples, run in ``folder``; each command's output apart."""

    def __init__(self, folder: Path, timeout_s: float) -> None:
        self.folder = folder
        self._timeout_s = timeout_s
        self._output = folder / ".example-output"
        self._output.mkdir()
        self._count = 0
        self._process = subprocess.Popen(
            ["bash", "--noprofile", "--norc"],
            cwd=folder,
            env=environment(folder),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self._send("set -o pipefail")

    def run(self, command: str) -> Ran:
        self._count += 1
        stem = self._output / str(self._count)
        # The command reads no stdin (the script is on it); its output goes to its own files.
        self._send(f"{{ {command}\n}} </dev/null >'{stem}.out' 2>'{stem}.err'\n"
                   f"echo \"$?\" >'{stem}.rc'")  # fmt: skip
        return Ran(
            command,
            int(Path(f"{stem}.rc").read_text()),
            Path(f"{stem}.out").read_text(encoding="utf-8"),
            Path(f"{stem}.err").read_text(encoding="utf-8"),
            self,
        )

    def _send(self, script: str) -> None:
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(f"{script}\necho '{DONE}'\n")
        stdin.flush()
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while True:
                if not selector.select(self._timeout_s):
                    self.close()
                    raise TimeoutError(f"no answer in {self._timeout_s} s to:\n{script}")
                line = stdout.readline()
                if not line:
                    raise RuntimeError(f"bash ended while running:\n{script}")
                if line.rstrip("\n") == DONE:
                    return

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
