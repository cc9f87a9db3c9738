"""Entry point of the bundled program (PyInstaller's script).

``contactdesk [ARGS]`` behaves as the installed ``contactdesk`` command (the app,
or a CLI subcommand). ``contactdesk --smoke-test STORE`` opens STORE (running its
migrations), shows the main window and quits once it is on screen; the bundle
test uses it to prove the frozen program works without Python beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    arguments = sys.argv[1:]
    if arguments[:1] == ["--smoke-test"]:
        if len(arguments) != 2:
            print("usage: contactdesk --smoke-test STORE", file=sys.stderr)
            return 1
        from ui.app import run_smoke_test

        return run_smoke_test(Path(arguments[1]))
    from contactdesk.cli.main import main as cli_main

    return cli_main(arguments)


if __name__ == "__main__":
    sys.exit(main())
