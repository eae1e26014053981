"""The tests come in layers (conftest.py marks them): unit tests need neither a build nor a browser."""

import subprocess
import sys

from conftest import ROOT

IMPORT_EVERY_TEST_MODULE = (
    "import importlib, pathlib, sys; sys.path.insert(0, 'tests'); "
    "[importlib.import_module(p.stem) for p in sorted(pathlib.Path('tests').glob('*.py'))]; "
    "print(sorted(name for name in sys.modules if name.split('.')[0] == 'playwright'))"
)


def test_no_test_module_imports_the_browser_stack():
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERY_TEST_MODULE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
