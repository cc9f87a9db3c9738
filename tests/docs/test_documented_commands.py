"""Every command the README and docs/ show runs as written, in order, and does what the text says.

The ```sh examples of each Markdown file run one command at a time in one bash, in a fresh
folder, with this checkout's ``contactdesk`` first on PATH (tests/docs/markdown_examples.py).
After each, the claims about it (tests/docs/documented_claims.py) check what it did: the
contacts found, the rows exported, the number stored. A command no claim checks fails, so
an example comes with what it must show. Commands named in the prose (synopses such as
``contactdesk lead accept|reject``) must exist with the options they name.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.docs.documented_claims import CLAIMS, claims_about
from tests.docs.markdown_examples import (
    DOCUMENTS,
    ROOT,
    SH_BLOCK,
    ShellSession,
    environment,
    shell_commands,
)

TIMEOUT_S = 900


def test_the_readme_has_runnable_examples() -> None:
    assert len(shell_commands(ROOT / "README.md")) >= 20


def test_each_user_guide_has_runnable_examples() -> None:
    guides = sorted((ROOT / "docs" / "user-guide").glob("*.md"))
    without = [guide.name for guide in guides if guide.name != "README.md"
               and len(shell_commands(guide)) < 5]  # fmt: skip
    assert without == []


def test_every_claim_is_about_a_documented_command() -> None:
    commands = [command for document in DOCUMENTS for command in shell_commands(document)]
    stale = [each.says for each in CLAIMS if not any(each.is_about(c) for c in commands)]
    assert stale == [], "remove these from tests/docs/documented_claims.py"


@pytest.mark.parametrize(
    "document",
    [document for document in DOCUMENTS if shell_commands(document)],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_every_shell_example_runs_in_order_and_does_what_the_text_says(
    document: Path, tmp_path: Path
) -> None:
    shell = ShellSession(tmp_path, TIMEOUT_S)
    try:
        for command in shell_commands(document):
            claims = claims_about(command)
            assert claims, f"{document.name}: nothing checks what `{command}` does"
            ran = shell.run(command)
            assert ran.returncode == 0, (
                f"{document.name}: `{command}` failed:\n{ran.stderr[-2000:]}"
            )
            for each in claims:
                each.check(ran)
    finally:
        shell.close()


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
            env=environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"{document}: `{' '.join(path)}` is no command"
        missing = {option for option in options if option not in result.stdout}
        assert not missing, f"{document}: `{' '.join(path)}` has no {sorted(missing)}"
