"""The atlas command line for partners and CI: validate, new, translations, schema."""

import argparse
import os
import sys
from pathlib import Path

from atlas.problems import InvalidRecords
from atlas.records import load_atlas


def _validate(args) -> int:
    try:
        atlas = load_atlas(args.regions)
    except InvalidRecords as error:
        for problem in error.problems:
            print(problem)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(problem.annotation())
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"All records are valid: {len(atlas.regions)} regions, {len(atlas.partners)} partners, {len(atlas.pilots)} pilot actions, {len(atlas.sites)} sites.")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="atlas", description="Check and edit the records of the InduCult2.0 Atlas.")
    main.add_argument("--regions", type=Path, default=Path("regions"), help="the folder of the records (default: regions)")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check every record; print each problem as path:line:column: message")
    validate.set_defaults(run=_validate)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
