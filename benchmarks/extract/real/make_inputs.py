"""Each NAME.txt here → NAME.html (a saved web page) and NAME.pdf (a typeset article).

    python benchmarks/extract/real/make_inputs.py          # tuned, heldout, unseen, fresh
    python benchmarks/extract/real/make_inputs.py FOLDER   # a set with its own sources.yaml

The page wraps the article in what real pages carry around it (navigation, a cookie notice,
related links, a footer) and states title, author, publication and date in <title> and <meta>;
the PDF has a running header and footer with page numbers, justified paragraphs that break
across lines and pages, and the same metadata in the document info. Same input, same bytes.
"""

from __future__ import annotations

import html
import re
import sys
from datetime import date
from pathlib import Path

import typst
import yaml

HERE = Path(__file__).resolve().parent
LIST_ITEM = re.compile(r"\s*(?:[-*•+]|\d{1,3}[.)])\s+")
SENTENCE_END = re.compile("[.!?\u2026][\"'\u201d\u2019\u00bb)\\]]*$")
TIMESTAMP = 1_700_000_000


def blocks(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The headline and the blocks after it: ('p'|'h'|'list'|'table', lines)."""
    parts = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    headline, rest = parts[0], parts[1:]
    shaped: list[tuple[str, list[str]]] = []
    for part in rest:
        lines = part.splitlines()
        if all(LIST_ITEM.match(line) for line in lines):
            shaped.append(("list", [LIST_ITEM.sub("", line, count=1) for line in lines]))
        elif all("|" in line for line in lines):
            shaped.append(("table", lines))
        elif SENTENCE_END.search(part):
            shaped.append(("p", [part]))
        else:
            shaped.append(("h", [part]))
    return headline, shaped


def page_html(headline: str, body: list[tuple[str, list[str]]], meta: dict[str, str]) -> str:
    e = html.escape
    article: list[str] = [f"<h1>{e(headline)}</h1>",
                          f'<p class="byline">By {e(meta["author"])} · '
                          f'<time datetime="{meta["date"]}">{meta["date"]}</time></p>']
    for shape, lines in body:
        if shape == "p":
            article.append(f"<p>{e(lines[0])}</p>")
        elif shape == "h":
            article.append(f"<h2>{e(lines[0])}</h2>")
        elif shape == "list":
            items = "".join(f"<li>{e(line)}</li>" for line in lines)
            article.append(f"<ul>{items}</ul>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{e(cell.strip())}</td>"
                                            for cell in line.split("|")) + "</tr>"
                           for line in lines)
            article.append(f"<table>{rows}</table>")
    return HTML_PAGE.format(
        title=e(meta["title"]), author=e(meta["author"]), site=e(meta["publication"]),
        date=meta["date"], url=e(meta["url"]), licence=e(meta["licence"]),
        article="\n".join(article))


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="author" content="{author}">
<meta name="description" content="{title}: an article from {site}.">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}">
<link rel="canonical" href="{url}">
<style>body {{ font-family: sans-serif; }} .cookie {{ position: fixed; bottom: 0; }}</style>
<script>window.dataLayer = window.dataLayer || []; function track() {{ return 1; }}</script>
</head>
<body>
<div class="cookie" id="cookie-banner"><p>We use cookies to improve your experience and to
show you relevant content. By clicking "Accept all" you agree to our use of cookies.</p>
<button>Accept all</button> <button>Manage settings</button></div>
<header><a href="/">{site}</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/history">History</a></li>
<li><a href="/economy">Economy</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/login">Sign in</a></li></ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<main>
<article>
{article}
</article>
<aside><h3>Related articles</h3><ul>
<li><a href="/r/1">Ten facts about the 1990s you may have forgotten</a></li>
<li><a href="/r/2">Markets close 2% higher as investors return</a></li>
<li><a href="/r/3">The 50 best photographs of the year</a></li></ul>
<p>Sign up to our newsletter: the day's news at 7am, every day.</p></aside>
</main>
<footer><p>Text: {licence}. Source: <a href="{url}">{url}</a></p>
<p>© 2024 {site}. All rights reserved. <a href="/privacy">Privacy policy</a> ·
<a href="/terms">Terms of use</a> · <a href="/cookies">Cookie settings</a></p></footer>
</body>
</html>
"""


def typst_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_typst(headline: str, body: list[tuple[str, list[str]]], meta: dict[str, str]) -> str:
    day = date.fromisoformat(meta["date"])
    s = typst_string
    out = [
        f"#set document(title: {s(meta['title'])}, author: {s(meta['author'])}, "
        f"date: datetime(year: {day.year}, month: {day.month}, day: {day.day}))",
        f"#set page(paper: \"a6\", margin: (x: 1.2cm, y: 1.6cm), "
        f"header: [#set text(size: 7pt); #{s(meta['publication'])} #h(1fr) #{s(headline)}], "
        f"footer: context [#set text(size: 7pt); #{s(meta['title'])} #h(1fr) "
        f"Page #counter(page).display() of #counter(page).final().first()])",
        "#set text(size: 9pt)",
        "#set par(justify: true)",
        f"#text(size: 14pt, weight: \"bold\")[#{s(headline)}]",
        "",
        f"#emph[#{s('By ' + meta['author'] + ', ' + meta['date'])}]",
        "",
    ]
    for shape, lines in body:
        if shape == "p":
            out += [f"#{s(lines[0])}", ""]
        elif shape == "h":
            out += [f"#strong[#{s(lines[0])}]", ""]
        elif shape == "list":
            out += [f"- #{s(line)}" for line in lines] + [""]
        else:
            cells = [[cell.strip() for cell in line.split("|")] for line in lines]
            width = max(len(row) for row in cells)
            flat = ", ".join(f"[#{s(row[i] if i < len(row) else '')}]"
                             for row in cells for i in range(width))
            out += [f"#table(columns: {width}, {flat})", ""]
    return "\n".join(out)


def main(arguments: list[str]) -> int:
    """The sets of this folder (metadata in ./sources.yaml), or one FOLDER with its own."""
    if arguments:
        folder = Path(arguments[0]).resolve()
        make(sorted(folder.glob("*.txt")), folder / "sources.yaml")
    else:
        make(sorted([*HERE.glob("*.txt"), *HERE.glob("heldout/*.txt"),
                     *HERE.glob("unseen/*.txt"), *HERE.glob("fresh/*.txt")]),
             HERE / "sources.yaml")
    return 0


def make(texts: list[Path], sources_file: Path) -> None:
    sources = yaml.safe_load(sources_file.read_text(encoding="utf-8"))
    for text_path in texts:
        meta = {key: str(value) for key, value in sources[text_path.stem].items()}
        headline, body = blocks(text_path.read_text(encoding="utf-8"))
        text_path.with_suffix(".html").write_text(page_html(headline, body, meta),
                                                  encoding="utf-8")
        pdf = typst.compile(page_typst(headline, body, meta).encode(), format="pdf",
                            timestamp=TIMESTAMP)
        assert isinstance(pdf, bytes)
        text_path.with_suffix(".pdf").write_bytes(pdf)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
