"""`scripts/dev serve --lang <code>`: English and one language, served, and an edited record shown.

"""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT, copy_project, write


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def wait_for(url: str, text: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.mark.build
def test_preview_serves_one_language_beside_english_and_shows_an_edit(records, tmp_path):
    project = copy_project(tmp_path / "project", regions=records)
    port = free_port()
    server = subprocess.Popen(
        [ROOT / "scripts/dev", "serve", "--lang", "de", "-f", project / "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(f"{base}de/atlas/sites/mine/", "Zeche")
        assert fetch(f"{base}atlas/sites/mine/") is not None
        assert fetch(f"{base}cs/atlas/sites/mine/") is None
        site = records / "one/sites/mine.yml"
        write(project / "regions/one/sites/mine.yml", site.read_text(encoding="utf-8").replace("name: Zeche", "name: Zeche Morgenstern"))
        wait_for(f"{base}de/atlas/sites/mine/", "Zeche Morgenstern")
    finally:
        server.terminate()
        server.wait(timeout=30)
