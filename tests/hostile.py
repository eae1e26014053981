"""A corpus of hostile records: what a partner's pull request could put into any field of any record.

Each case is applied to a copy of the real records. A `Reject` case must stop the build with one
exact problem at one exact place; an `Inert` case must build, show its text literally to readers
and run nothing. `Inert` payloads that would run set `window.__pwned`; template payloads would
print `pwned42` (or `PWNED-42` from a shell) if any engine ever evaluated them.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from atlas.records.prose import SUBSET
from conftest import write

TEMPLATE = "{{ 'pw' ~ 'ned' ~ 6*7 }}"
SHELL = "{{ cycler.__init__.__globals__.os.popen('echo PWNED-$((6*7))').read() }}"
EVALUATED = ("pwned42", "PWNED-42")


@dataclass(frozen=True)
class Reject:
    """Replace the first line of `file` that starts with `line` by `text`; expect one problem.

    The problem is at the first line of `text` (plus `line_offset`), at `column`.
    """

    name: str
    file: str
    line: str
    text: str
    column: int
    message: str
    line_offset: int = 0

    def apply(self, regions: Path) -> str:
        """Make the change in the copy; return the problem expected, as atlas prints it."""
        path = regions / self.file
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, existing in enumerate(lines) if existing.startswith(self.line))
        lines[index] = self.text
        path.write_text("\n".join(lines), encoding="utf-8")
        return f"regions/{self.file}:{index + 1 + self.line_offset}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Whole:
    """Replace the whole of `file` by `content` (text or bytes); expect one problem."""

    name: str
    file: str
    content: str | bytes
    line: int
    column: int
    message: str

    def apply(self, regions: Path) -> str:
        path = regions / self.file
        if isinstance(self.content, bytes):
            path.write_bytes(self.content)
        else:
            path.write_text(self.content, encoding="utf-8")
        return f"regions/{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Inert:
    """Set the value at `location` in `file` to `payload`; the page at `page` shows it literally."""

    name: str
    file: str
    location: tuple
    payload: str
    page: str
    lang: str = "en"
    shown: str = ""

    @property
    def seen(self) -> str:
        """What a reader sees of the payload: the payload itself, unless Markdown formats it."""
        return self.shown or self.payload

    def apply(self, regions: Path) -> None:
        path = regions / self.file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        *parents, last = self.location
        target = data
        for part in parents:
            target = target[part]
        target[last] = self.payload
        write(path, data)


SITE = "genk/sites/c-mine.yml"
PARTNER = "_project/partners/stebo.yml"
PILOT = "zwickau/pilots/zwickau-ideenfabrik.yml"
REGION = "leoben/region.yml"
TAXONOMY = "_project/taxonomy.yml"
BOMB = "\n".join(
    [
        "x: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        *(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")),
    ]
)

REJECT = [
    Reject("alias bomb", SITE, "region:", "region: genk\n" + BOMB, 4, "YAML anchors (&a) are not allowed in records: remove '&a'", line_offset=1),
    Reject("alias without anchor", SITE, "region:", "<<: *base", 5, "YAML aliases (*base) are not allowed in records: write the value out in full"),
    Reject("anchor on a field", PARTNER, "native_name:", "native_name: &n STEBO", 14, "YAML anchors (&n) are not allowed in records: remove '&n'"),
    Reject("python object tag", SITE, "address:", 'address: !!python/object/apply:os.system ["echo PWNED"]', 10, "YAML tags (!!python/object/apply:os.system) are not allowed in records: remove the tag and write a plain value"),
    Reject("custom tag", REGION, "website:", "website: !include secrets.yml", 10, "YAML tags (!include) are not allowed in records: remove the tag and write a plain value"),
    Reject("binary tag", PILOT, "sectors:", "sectors: !!binary aGVsbG8=", 10, "YAML tags (!!binary) are not allowed in records: remove the tag and write a plain value"),
    Reject("deep nesting", PILOT, "sectors:", "sectors: " + "[" * 5000 + "]" * 5000, 15, "the values are nested more than 6 levels deep, deeper than any record: check the indentation and brackets"),
    Reject("text over 20,000 characters", SITE, "address:", "address: " + "x" * 20_001, 10, "this text has 20,001 characters; a text may have at most 20,000: shorten it"),
    Reject("duplicate key", PARTNER, "native_name:", "native_name: STEBO\nnative_name: Other", 1, "'native_name' is given twice; keep one", line_offset=1),
    Reject("number too large", SITE, "location:", "location: {lat: " + "9" * 5000 + ", lon: 5.49}", 17, "this number is too large to be a value of a record"),
    Reject("direction override in a name", PARTNER, "native_name:", 'native_name: "STEBO \\u202eevil"', 14, "'native_name' contains the invisible character U+202E: remove it"),
    Reject("line break in a name", PARTNER, "native_name:", 'native_name: "STEBO\\nvzw"', 14, "'native_name' must be one line: remove the line break"),
    Reject("bell character", SITE, "address:", 'address: "C-Mine 10\\a"', 10, "'address' contains the invisible character U+0007: remove it"),
    Reject("line separator", SITE, "address:", 'address: "C-Mine\\u2028 10"', 10, "'address' contains the invisible character U+2028: remove it"),
    Reject("javascript URL", SITE, "website:", "website: javascript:alert(1)", 10, "'website' must be a web address starting with https:// or http://"),
    Reject("data URL", REGION, "website:", "website: data:text/html,<script>alert(1)</script>", 10, "'website' must be a web address starting with https:// or http://"),
    Reject("id with a path", SITE, "id:", "id: ../../etc/passwd", 5, "'../../etc/passwd' is not an id of lower-case letters, digits and hyphens, like 'august-horch-museum'"),
    Reject("colour that is CSS", TAXONOMY, "  - {id: mining,", '  - {id: mining, colour: "red;background:url(//x)", label: {en: Mining}}', 26, "'red;background:url(//x)' is not a colour like #1f78b4"),
    Reject("complex key", PARTNER, "native_name:", "native_name: STEBO\n? [a, b]\n: x", 3, "a key must be a plain word", line_offset=1),
    Reject("region with a bad value is reported once", REGION, "country:", "country: at", 10, "'at' is not a two-letter country code in capitals, like DE or CZ"),
    Reject("site with a bad value is reported once", "zwickau/sites/august-horch-museum.yml", "categories:", "categories: museum", 13, "'categories' must be a list, not 'museum'"),
    Reject("heading in a description", SITE, "    Winterslag", "    # Winterslag", 7, f"'en' has a heading (a line starting with #), which descriptions do not show; they may use {SUBSET}", line_offset=-1),
    Reject("script link in a description", PILOT, "    Industrial culture in the District", "    See [the plan](javascript:window.__pwned=1).", 7, "'en' has a link to 'javascript:window.__pwned=1': a link must be a full address starting with https://, http:// or mailto:", line_offset=-1),
    Reject("relative link in a description", REGION, "    The district of Leoben", "    See [the plan](//example.org/plan).", 7, "'en' has a link to '//example.org/plan': a link must be a full address starting with https://, http:// or mailto:", line_offset=-1),
    Reject("image in a description", "gorenjska/sites/kovacnica-kranj.yml", "    Kovačnica", "    ![smithy](https://example.org/x.png)", 7, f"'en' has an image (![…](…)), which descriptions do not show; they may use {SUBSET}", line_offset=-1),
    Reject("code in a description", "gorenjska/sites/kovacnica-kranj.yml", "    Kovačnica", "    Run `rm -rf /` here.", 7, f"'en' has code (`…`, or a line indented by four spaces), which descriptions do not show; they may use {SUBSET}", line_offset=-1),
    Whole("empty file", SITE, "", 1, 1, "the file is empty"),
    Whole("two documents", SITE, "id: c-mine\n---\nid: other\n", 2, 1, "not valid YAML: expected a single document in the stream, but found another document"),
    Whole("a list, not a record", SITE, "- id: c-mine\n", 1, 1, "a site record must be a mapping of fields to values"),
    Whole("not UTF-8", PARTNER, "id: stebo\nnative_name: Stéb\xf6\n".encode("latin-1"), 1, 1, "the file is not UTF-8 text; save it as UTF-8"),
    Whole("file over 256 KB", PARTNER, "id: stebo\n" + "# padding\n" * 30_000, 1, 1, "the file is larger than 256 KB, more than any record needs: shorten its texts"),
]

SCRIPT = "<script>window.__pwned=1</script>"
INERT = [
    Inert("site name with script and template", "padova/sites/fenice-green-energy-park.yml", ("name",), f"Fenice {SCRIPT} {TEMPLATE}", "atlas/sites/fenice-green-energy-park/"),
    Inert("site name that closes the title", SITE, ("names", "en"), "C-mine</title><script>window.__pwned=2</script>", "atlas/sites/c-mine/"),
    Inert("site name in Czech", SITE, ("names", "cs"), "C-mine <img src=x onerror=window.__pwned=3>", "cs/atlas/sites/c-mine/", "cs"),
    Inert("site name as a spreadsheet formula", "genk/sites/labiomista.yml", ("name",), '=HYPERLINK("https://example.org","x")', "atlas/sites/labiomista/"),
    Inert("site name with entities", "zwickau/sites/audi-bau-zwickau.yml", ("name",), "Audi &amp; Horch &lt;b&gt;", "atlas/sites/audi-bau-zwickau/"),
    Inert("site description breaking an attribute", SITE, ("description", "en"), f'Mine"><svg onload=window.__pwned=4> {{% if true %}}kept{{% endif %}} {TEMPLATE}', "atlas/sites/c-mine/"),
    Inert(
        "site description with Markdown and HTML",
        "gorenjska/sites/plavz-jesenice.yml",
        ("description", "en"),
        "**Strong** and *emphasis*, a [link](https://example.org/) and <a href=javascript:window.__pwned=5>HTML</a>",
        "atlas/sites/plavz-jesenice/",
        shown="Strong and emphasis, a link and <a href=javascript:window.__pwned=5>HTML</a>",
    ),
    Inert("site description in Czech", SITE, ("description", "cs"), f"Důl {SCRIPT} {TEMPLATE}", "cs/atlas/sites/c-mine/", "cs"),
    Inert("site address", SITE, ("address",), "<img src=x onerror=window.__pwned=6>", "atlas/sites/c-mine/"),
    Inert("site website closing its attribute", SITE, ("website",), 'https://example.org/"><script>window.__pwned=7</script>', "atlas/sites/c-mine/"),
    Inert("site source with quotes", SITE, ("sources", 0), "https://example.org/?q='onmouseover='window.__pwned=8'", "atlas/sites/c-mine/"),
    Inert("pilot title running a shell", PILOT, ("title", "en"), f"Ideas {SHELL}", "atlas/pilots/zwickau-ideenfabrik/"),
    Inert("pilot summary closing the meta description", PILOT, ("summary", "en"), 'Mural"><script>window.__pwned=9</script>', "atlas/pilots/zwickau-ideenfabrik/"),
    Inert("pilot description closing a script", PILOT, ("description", "en"), "</script><script>window.__pwned=10</script><!--", "atlas/pilots/zwickau-ideenfabrik/"),
    Inert("pilot place name with a frame", PILOT, ("places", 0, "name", "en"), '<iframe srcdoc="<script>parent.__pwned=11</script>"></iframe>', "atlas/pilots/zwickau-ideenfabrik/"),
    Inert("pilot source", PILOT, ("sources", 0), "https://example.org/</a><script>window.__pwned=12</script>", "atlas/pilots/zwickau-ideenfabrik/"),
    Inert("region name with attributes for a heading", "genk/region.yml", ("name", "en"), 'Genk { onclick="window.__pwned=13" } ' + SCRIPT, "atlas/regions/"),
    Inert("region summary in single quotes", REGION, ("summary", "en"), "' onmouseover='window.__pwned=14' x='", "atlas/regions/leoben/"),
    Inert("region description with style and comment", REGION, ("description", "en"), f"<style>body{{display:none}}</style><!-- {TEMPLATE} --> after", "atlas/regions/leoben/"),
    Inert("region website", REGION, ("website",), "https://example.org/#\"><img/src=x/onerror=window.__pwned=15>", "atlas/regions/leoben/"),
    Inert("region source", "genk/region.yml", ("sources", 0), "https://example.org/{{7*7}}", "atlas/regions/genk/"),
    Inert("partner name", PARTNER, ("name", "en"), "STEBO</a><script>window.__pwned=16</script>", "atlas/partners/stebo/"),
    Inert("partner native name with a template", PARTNER, ("native_name",), "{{ self.__init__.__globals__ }}{% raw %}", "atlas/partners/stebo/"),
    Inert("partner city", PARTNER, ("city", "en"), "<b onmouseover=window.__pwned=17>Genk</b>", "atlas/partners/stebo/"),
    Inert("partner website", PARTNER, ("website",), "https://example.org/'><script>window.__pwned=18</script>", "atlas/partners/stebo/"),
    Inert("partner source", PARTNER, ("sources", 0), f"https://example.org/?{TEMPLATE.replace(' ', '')}&x=\"><b>", "atlas/partners/stebo/"),
    Inert("category label", TAXONOMY, ("categories", 0, "label", "en"), "Mining<img src=x onerror=window.__pwned=19>", "atlas/categories/mining/"),
    Inert("layer label", TAXONOMY, ("layers", 0, "label", "en"), "Past</script><script>window.__pwned=20</script>", "atlas/layers/past/"),
    Inert("layer description", TAXONOMY, ("layers", 0, "description", "en"), f"[click](javascript:window.__pwned=21) {TEMPLATE}", "atlas/layers/past/"),
    Inert("theme label as a heading", TAXONOMY, ("themes", 0, "label", "en"), "Concept ## { #x onclick=window.__pwned=22 }", "atlas/pilots/"),
    Inert("theme description", TAXONOMY, ("themes", 0, "description", "en"), '<a href="javascript:window.__pwned=23">link</a>', "atlas/pilots/"),
    Inert("sector label", TAXONOMY, ("sectors", 0, "label", "en"), "Administration <svg><script>window.__pwned=24</script></svg>", "atlas/pilots/zwickau-ideenfabrik/"),
]
