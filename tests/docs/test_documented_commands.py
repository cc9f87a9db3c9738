"""Every shell example in the README and docs/ runs as written, in order, and succeeds.

A ```sh block is an example a reader may paste: its lines run with bash (``-e``, so the
first failing command fails the test) in a fresh folder per Markdown file, with this
checkout's ``contactdesk`` first on PATH. A line that cannot run here says so to the
reader too, by ending in ``# not run: <reason>`` (opens the app, needs a server).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
SH_BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.DOTALL | re.MULTILINE)
NOT_RUN = re.compile(r"#\s*not run:\s*\S")
TIMEOUT_S = 900


def shell_examples(document: Path) -> list[str]:
    """The document's ```sh blocks, less the lines marked as not run here."""
    blocks = SH_BLOCK.findall(document.read_text(encoding="utf-8"))
    return [
        "\n".join(line for line in block.splitlines() if not NOT_RUN.search(line))
        for block in blocks
    ]


def _documents_with_examples() -> list[Path]:
    return [document for document in DOCUMENTS if any(shell_examples(document))]


def _environment(home: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("CONTACTDESK")
    }
    environment.update(
        PATH=f"{bin_dir}{os.pathsep}{environment.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    return environment


def test_the_readme_has_runnable_examples() -> None:
    assert len(shell_examples(ROOT / "README.md")) >= 3


@pytest.mark.parametrize(
    "document", _documents_with_examples(), ids=lambda path: str(path.relative_to(ROOT))
)
def test_every_shell_example_runs_as_written(document: Path, tmp_path: Path) -> None:
    for number, example in enumerate(shell_examples(document), start=1):
        result = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", example],
            cwd=tmp_path,
            env=_environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        assert result.returncode == 0, (
            f"{document.name}, example {number} failed:\n{result.stderr[-2000:]}"
        )


INLINE_COMMAND = re.compile(r"`(contactdesk(?:-server)? [^`]+)`")
FENCED_COMMAND = re.compile(r"^(?:.*\| )?(contactdesk(?:-server)? [^\\\n]+)", re.MULTILINE)
WORD = re.compile(r"[a-z][a-z-]*")
OPTION = re.compile(r"--[a-z][a-z-]*")


def inline_commands() -> list[tuple[str, str]]:
    """(document, command) for each ``contactdesk ...`` named outside the runnable examples."""
    found = []
    for document in DOCUMENTS:
        text = SH_BLOCK.sub("", document.read_text(encoding="utf-8"))
        name = str(document.relative_to(ROOT))
        found += [(name, command) for command in INLINE_COMMAND.findall(text)]
        # Synopses in other fenced blocks (usage lines, server set-up) are checked the same way.
        found += [(name, command) for command in FENCED_COMMAND.findall(text)]
    return found


def _verb_paths(command: str) -> list[list[str]]:
    """Each verb path a synopsis names: ``lead accept|reject X`` gives both verbs."""
    program, *tokens = command.split()
    paths: list[list[str]] = [[program]]
    for token in tokens:
        choices = token.split("|")
        if token.startswith(("-", "[")) or not all(WORD.fullmatch(c) for c in choices):
            break
        paths = [[*path, choice] for path in paths for choice in choices]
    return paths


@pytest.mark.parametrize(("document", "command"), inline_commands())
def test_every_command_named_in_the_text_exists_with_its_options(
    document: str, command: str, tmp_path: Path
) -> None:
    options = set(OPTION.findall(command))
    for path in _verb_paths(command):
        result = subprocess.run(
            [*path, "--help"],
            env=_environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"{document}: `{' '.join(path)}` is no command"
        missing = {option for option in options if option not in result.stdout}
        assert not missing, f"{document}: `{' '.join(path)}` has no {sorted(missing)}"
