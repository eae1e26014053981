"""The atlas command line for partners and CI: validate, new, translations, schema, generate, build, assemble."""

import argparse
import logging
import os
import sys
from pathlib import Path

from atlas.languages import LANGUAGES
from atlas.maps.documents import DEFAULT_TILES
from atlas.records import editor_schema, scaffold
from atlas.records.coverage import coverage
from atlas.records.loader import load_atlas
from atlas.records.problems import InvalidRecords
from atlas.site import builds, generate, parts


def _in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _report_problems(error: InvalidRecords) -> None:
    for problem in error.problems:
        print(problem)
        if _in_github_actions():
            print(problem.annotation())
    print(f"{len(error.problems)} problem(s) found. Each line says the file, line and column, and what to change.", file=sys.stderr)


def _validate(args) -> int:
    try:
        atlas = load_atlas(args.regions)
    except InvalidRecords as error:
        _report_problems(error)
        return 1
    print(
        f"All records are valid: {len(atlas.regions)} regions, {len(atlas.partners)} partners, "
        f"{len(atlas.pilots)} pilot actions, {len(atlas.sites)} sites."
    )
    return 0


def _new(args) -> int:
    try:
        made = scaffold.new_record(args.regions, args.kind, args.region, args.id, args.name)
        scaffold.write(made)
    except (scaffold.ScaffoldError, FileExistsError) as error:
        print(f"atlas new: {error}", file=sys.stderr)
        return 1
    shown = made.path.as_posix()
    print(f"Wrote {shown}")
    print(f"Fill in these {len(made.to_fill)} values; `atlas validate` fails until they are all filled in:")
    for item in made.to_fill:
        print(f"  {shown}:{item.line}: {item.field} ({item.hint})")
    return 0


def _translations(args) -> int:
    try:
        atlas = load_atlas(args.regions)
    except InvalidRecords as error:
        _report_problems(error)
        print("The translations cannot be counted until the records are valid.", file=sys.stderr)
        return 1
    report = coverage(atlas)
    sys.stdout.write(report.markdown() if args.format == "markdown" else report.text())
    return 0


def _generate(args) -> int:
    docs = args.docs if args.docs is not None else args.regions.parent / "docs"
    try:
        generated = generate.generate(args.regions, docs, args.tiles, args.site_url)
    except InvalidRecords as error:
        _report_problems(error)
        return 1
    except generate.SettingError as error:
        print(f"atlas generate: --{error.setting.replace('_', '-')}: {error}", file=sys.stderr)
        return 1
    except parts.WritingFailed as error:
        print(f"atlas generate: the generated files could not be written: {error}", file=sys.stderr)
        return 1
    print(generated.summary())
    return 0


def _build(args) -> int:
    languages = args.languages or list(LANGUAGES)
    builds.date_by_last_commit(args.config.parent)
    try:
        if args.stages is not None:
            done = builds.build_languages(args.config, args.stages, languages, args.jobs)
            print(f"Built {', '.join(languages)} into {args.stages.as_posix()}/<language>.")
        else:
            done = builds.build_site(args.config, args.site_dir, args.jobs)
            print(f"Built the atlas in {len(done)} languages into {args.site_dir.as_posix()}/.")
    except builds.BuildFailed as error:
        print(f"atlas build: the site was not built (nothing was written to {args.site_dir.as_posix()}/):\n{error}", file=sys.stderr)
        return 1
    for language in done:
        print(f"  {language.lang}: {language.seconds:.1f} s, {language.peak_memory_mb:.0f} MB peak memory")
    return 0


def _assemble(args) -> int:
    try:
        builds.assemble(args.stages, args.site_dir)
    except builds.BuildFailed as error:
        print(f"atlas assemble: {error}", file=sys.stderr)
        return 1
    print(f"Assembled the atlas from {args.stages.as_posix()}/<language> into {args.site_dir.as_posix()}/.")
    return 0


def _language_list(text: str) -> list[str]:
    languages = [lang.strip() for lang in text.split(",") if lang.strip()]
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise argparse.ArgumentTypeError(f"{text!r}: languages are a comma-separated list of {', '.join(LANGUAGES)}")
    return languages


def _schema(args) -> int:
    directory = args.dir if args.dir is not None else args.regions.parent / editor_schema.SCHEMA_DIR
    if args.check:
        stale = editor_schema.stale(directory)
        if stale:
            print(
                f"The JSON Schema files in {directory.as_posix()} are out of date with the record definitions "
                f"(scripts/atlas/records/schema.py): {', '.join(stale)}. Run `atlas schema` and commit the result.",
                file=sys.stderr,
            )
            return 1
        print(f"The JSON Schema files in {directory.as_posix()} match the record definitions.")
        return 0
    for path in editor_schema.write(directory):
        print(f"Wrote {path.as_posix()}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="atlas",
        description="Check and edit the records of the InduCult2.0 Atlas (the YAML files in regions/).",
        epilog="Run `atlas COMMAND --help` for what each command does. See CONTRIBUTING.md for a step-by-step guide.",
    )
    main.add_argument("--regions", type=Path, default=Path("regions"), help="the folder of the records (default: regions)")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check every record; print each problem as path:line:column: message",
        description=(
            "Check every record file and print each problem on one line as path:line:column: message, "
            "for example: regions/zwickau/sites/alter-gasometer-zwickau.yml:14:13: 'lat' is 95.0, outside the range it allows. "
            "Inside GitHub Actions each problem is also printed as an annotation, so it shows on its line in the pull request. "
            "Ends with an error when any problem is found."
        ),
    )
    validate.set_defaults(run=_validate)

    new = commands.add_parser(
        "new",
        help="write a new site or pilot action file to fill in",
        description=(
            "Write a new record file with every field and all eight languages, and list the values you must fill in "
            "(with their line numbers). Until they are filled in, `atlas validate` reports them. "
            "Example: atlas new site --region zwickau --name \"Alter Gasometer\""
        ),
    )
    new.add_argument("kind", choices=list(scaffold.MAKERS), help="site (a place) or pilot (a pilot action)")
    new.add_argument("--region", required=True, help="the region's id, the name of its folder, e.g. zwickau")
    new.add_argument("--name", help="the site's native name or the pilot action's English title; the id is made from it")
    new.add_argument("--id", help="the new record's id (lower-case letters, digits, hyphens); default: made from --name")
    new.set_defaults(run=_new)

    translations = commands.add_parser(
        "translations",
        help="show, per language, how many texts are translated and which are missing",
        description=(
            "Count, for each of the eight languages, the share of texts readers see that are present, "
            "and list every text with missing languages as path:line: field [missing: cs, de]."
        ),
    )
    translations.add_argument("--format", choices=["text", "markdown"], default="text",
                              help="text (default) or markdown (for the summary of a GitHub Actions run)")
    translations.set_defaults(run=_translations)

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema files for editors into docs/schema/ (or --check them)",
        description=(
            "Write the JSON Schema of each record type (made from scripts/atlas/records/schema.py) into docs/schema/, "
            "where editors such as VS Code find them through the first line of each record file. "
            "With --check, write nothing and end with an error if the committed files are out of date."
        ),
    )
    schema.add_argument("--check", action="store_true", help="only check that the files are up to date")
    schema.add_argument("--dir", type=Path, default=None,
                        help="the folder of the schema files (default: docs/schema next to the records folder)")
    schema.set_defaults(run=_schema)

    generating = commands.add_parser(
        "generate",
        help="write every generated file of the site (pages, maps, open data) for all languages",
        description=(
            "Check the records, then write every generated file below the docs folder once, for all eight "
            "languages: the atlas pages (docs/<lang>/atlas/), the map documents and the open data. Unchanged "
            "files are left untouched. `mkdocs build` and `mkdocs serve` run the same generator themselves."
        ),
    )
    generating.add_argument("--docs", type=Path, default=None, help="the docs folder (default: docs next to the records folder)")
    generating.add_argument("--tiles", default=DEFAULT_TILES, help=f"the tile server, an xyzservices name (default: {DEFAULT_TILES})")
    generating.add_argument(
        "--site-url", default=generate.LOCAL_SITE_URL,
        help=f"the site's published address, which the code for embedding maps names (default: {generate.LOCAL_SITE_URL}, as mkdocs serve)",
    )
    generating.set_defaults(run=_generate)

    building = commands.add_parser(
        "build",
        help="build the site: each language its own MkDocs build, as many at once as there are cores",
        description=(
            "Generate the atlas once, build each of the eight languages as its own MkDocs build, side by side, "
            "and assemble one site (English at /, the others under /<lang>/) into --site-dir. The site appears "
            "whole or not at all: when any language fails, its messages are printed and nothing is written. "
            "With --stages, build only --languages into STAGES/<lang> and stop (CI builds groups of languages "
            "on separate machines this way, then runs `atlas assemble`)."
        ),
    )
    building.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration (default: mkdocs.yml)")
    building.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)")
    building.add_argument("--jobs", type=int, default=None, help="language builds at once (default: the number of cores)")
    building.add_argument("--languages", type=_language_list, default=None, help="with --stages: the languages to build, e.g. cs,de")
    building.add_argument("--stages", type=Path, default=None, help="build into STAGES/<lang> only, without assembling")
    building.set_defaults(run=_build)

    assembling = commands.add_parser(
        "assemble",
        help="assemble the site from language builds made by `atlas build --stages`",
        description="Assemble one site from STAGES/<lang> (every language must be there) into --site-dir, whole or not at all.",
    )
    assembling.add_argument("--stages", type=Path, required=True, help="the folder holding one build per language")
    assembling.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)")
    assembling.set_defaults(run=_assemble)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # MkDocs and its plugins report problems through logging; show warnings and errors, as `mkdocs build` does.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    return args.run(args)
