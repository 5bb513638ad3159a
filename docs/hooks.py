"""mkdocs hooks: README.md is the site's front page, and the sections come in reading order.

README links into the docs as `docs/guides/x.md` (right on GitHub); on the site the same
page is `index.md` at the root of `docs/`, so those links lose their `docs/` prefix here.
The navigation is derived from the folders (no hand-kept list): guides, then reference,
then internals; Getting started leads the guides.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

SECTION_ORDER = ("guides", "reference", "internals")
FIRST_PAGES = ("guides/getting-started.md",)


def on_files(files: Files, config: Any) -> Files:
    readme = Path(config.config_file_path).parent / "README.md"
    files.append(File.generated(config, "index.md", abs_src_path=str(readme)))
    return files


def on_page_markdown(markdown: str, page: Page, config: Any, files: Files) -> str:
    if page.file.src_uri != "index.md":
        return markdown
    return re.sub(r'(\]\(|src=")docs/', r"\1", markdown)


def _section_key(item: Any) -> tuple[int, str]:
    title = str(getattr(item, "title", "") or "").lower()
    if not isinstance(item, Section):
        return (-1, title)
    return (SECTION_ORDER.index(title) if title in SECTION_ORDER else len(SECTION_ORDER), title)


def _page_key(item: Any) -> tuple[int, str]:
    uri = item.file.src_uri if isinstance(item, Page) else ""
    return (0 if uri in FIRST_PAGES else 1, uri)


def on_nav(nav: Navigation, config: Any, files: Files) -> Navigation:
    nav.items.sort(key=_section_key)
    for item in nav.items:
        if isinstance(item, Section):
            item.children.sort(key=_page_key)
    pages: list[Page] = []

    def collect(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            elif isinstance(item, Section):
                collect(item.children)

    collect(nav.items)
    nav.pages = pages
    before: list[Page | None] = [None, *pages[:-1]]
    after: list[Page | None] = [*pages[1:], None]
    for previous, page, following in zip(before, pages, after, strict=True):
        page.previous_page, page.next_page = previous, following
    return nav
