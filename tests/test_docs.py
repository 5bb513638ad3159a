"""The docs site builds cleanly, shows every page, and its generated references are current."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from quizgen import docsgen

from .conftest import REPO

DOCS = REPO / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build --strict` into a scratch folder: any warning (a broken link) fails it."""
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target),
         "--config-file", str(REPO / "mkdocs.yml")],
        cwd=REPO, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def _page_url(page: Path) -> str:
    """Where mkdocs puts docs/guides/x.md: guides/x/ (directory URLs)."""
    relative = page.relative_to(DOCS).with_suffix("")
    return "" if relative.name == "index" else f"{relative.as_posix()}/"


def test_site_builds_strictly_with_the_material_theme(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "md-header" in index  # Material's header: the theme is really in use


def test_readme_is_the_front_page(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (.+)$", readme, flags=re.M):
        assert f">{heading}<" in index, heading
    assert not (DOCS / "index.md").exists() or (
        (DOCS / "index.md").read_text(encoding="utf-8") == readme)
    # README's links into docs/ work on the site too.
    assert 'href="guides/getting-started/"' in index
    assert 'href="docs/' not in index


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.name)
def test_every_page_is_built_and_in_the_navigation(site: Path, page: Path) -> None:
    url = _page_url(page)
    assert (site / url / "index.html").exists(), f"{page} was not built"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{url}"' in index, f"{page} is missing from the navigation"


def test_sections_come_in_reading_order(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    order = [index.find(f'href="{section}/') for section in ("guides", "reference", "internals")]
    assert -1 not in order and order == sorted(order)
    assert index.find('href="guides/getting-started/"') == order[0]


@pytest.mark.parametrize("relative", list(docsgen.generated_pages(REPO)), ids=str)
def test_generated_reference_is_up_to_date(relative: Path) -> None:
    expected = docsgen.generated_pages(REPO)[relative]
    on_disk = (REPO / relative).read_text(encoding="utf-8")
    assert on_disk == expected, f"{relative} is stale: run `python -m quizgen.docsgen`"


def test_cli_reference_is_every_commands_help() -> None:
    from quizgen.cli import app

    page = docsgen.cli_reference(app)
    for path in docsgen.command_paths(app):
        assert docsgen.help_text(app, path).rstrip("\n") in page
    assert "## quizgen add\n" in page and "## quizgen export\n" in page


def test_cli_reference_follows_the_app() -> None:
    demo = typer.Typer(name="demo")

    @demo.command()
    def greet(loud: bool = typer.Option(False, help="Shout the greeting.")) -> None:
        """Say hello."""

    @demo.command()
    def part() -> None:
        """Say goodbye."""

    page = docsgen.cli_reference(demo)
    assert "## quizgen greet" in page and "## quizgen part" in page
    assert "Shout the greeting." in page and "Say goodbye." in page


def test_deck_reference_follows_the_schema() -> None:
    schema = json.loads((REPO / "schema" / "deck.schema.json").read_text(encoding="utf-8"))
    page = docsgen.deck_yaml_reference(schema)
    for name in schema["$defs"]["QuestionSource"]["properties"]:
        assert f"| `{name}` |" in page
    changed = copy.deepcopy(schema)
    changed["$defs"]["QuestionSource"]["properties"]["paragraph"]["description"] = "Changed."
    changed["$defs"]["ShortQuestion"]["properties"]["hint"] = {"type": "string"}
    other = docsgen.deck_yaml_reference(changed)
    assert "Changed." in other and "| `hint` | text | no |" in other
    assert "Changed." not in page


def test_deck_reference_has_a_section_per_question_type() -> None:
    from quizgen.registry import QUESTION_TYPE_NAMES

    page = (REPO / docsgen.DECK_YAML_PAGE).read_text(encoding="utf-8")
    headings = re.findall(r"^## `(\w+)`$", page, flags=re.M)
    assert headings == list(QUESTION_TYPE_NAMES)
