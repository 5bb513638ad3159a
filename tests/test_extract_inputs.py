"""`extract` and `check` read text, Markdown, saved web pages, PDFs and http(s) URLs.

The pages and PDFs are the real benchmark texts of benchmarks/extract/real (Wikipedia and
U.S. Government texts, licences in that folder's README), as make_inputs.py saved them.
"""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.errors import InputError
from quizgen.extract import read_document
from quizgen.extract.documents import MAX_BYTES, sniff
from quizgen.extract.sentences import parse_article
from quizgen.loading import load_deck

REAL = Path(__file__).resolve().parent.parent / "benchmarks" / "extract" / "real"
runner = CliRunner()


def test_kind_is_chosen_by_content_not_by_name(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(REAL / "ebola-2014-july.html", page)
    pdf = tmp_path / "report.html"
    shutil.copy(REAL / "ebola-2014-july.pdf", pdf)
    assert read_document(page).kind == "html"
    assert read_document(pdf).kind == "pdf"
    assert read_document(REAL / "ebola-2014-july.txt").kind == "text"
    assert sniff(b"The <b>bold</b> claim is plain text.") == "text"


def test_web_page_gives_the_article_without_navigation_cookies_or_footer() -> None:
    document = read_document(REAL / "treaty-of-versailles.html")
    for chrome in ("Accept all", "Sign in", "Related articles", "All rights reserved",
                   "newsletter", "Ten facts about the 1990s"):
        assert chrome not in document.text
    article = parse_article(document.text)
    plain = parse_article((REAL / "treaty-of-versailles.txt").read_text(encoding="utf-8"))
    assert [p.text for p in article.paragraphs] == [p.text for p in plain.paragraphs]
    assert (document.title, document.author, document.date) == (
        "Treaty of Versailles", "Wikipedia contributors", "2014-01-01")
    assert document.publication == "Wikipedia, The Free Encyclopedia (copy at thegermanarmy.org)"


def test_web_page_keeps_lists_and_tables_as_their_own_paragraphs() -> None:
    article = parse_article(read_document(REAL / "ebola-2023.html").text)
    table = article.paragraphs[0]
    assert table.layout == "table"
    assert table.text.splitlines()[1] == "Liberia | 10,675 | 4,809 | 9 Jun 2016"
    listed = parse_article(read_document(REAL / "ebola-2014-july.html").text).paragraphs[0]
    assert listed.layout == "list"
    assert listed.text.splitlines()[0] == "- Guinea: 460 cases, 339 deaths"


def test_pdf_paragraphs_are_rebuilt_across_lines_and_pages_without_running_lines() -> None:
    document = read_document(REAL / "treaty-of-versailles.pdf")
    assert "Page 1 of 2" not in document.text and "Page 2 of 2" not in document.text
    assert "copy at thegermanarmy.org" not in document.text  # the running header
    article = parse_article(document.text)
    plain = parse_article((REAL / "treaty-of-versailles.txt").read_text(encoding="utf-8"))
    # Paragraph 2 runs over the page break and has a hyphenated word ("responsi-bility").
    assert [p.text for p in article.paragraphs] == [p.text for p in plain.paragraphs]
    assert (document.title, document.author, document.date) == (
        "Treaty of Versailles", "Wikipedia contributors", "2014-01-01")


def test_pdf_tables_and_lists_come_back_as_rows_and_items() -> None:
    article = parse_article(read_document(REAL / "ebola-2023.pdf").text)
    assert article.paragraphs[0].text.splitlines()[-1] == "Total | 28,646 | 11,323 | Jun 2016"
    listed = parse_article(read_document(REAL / "ebola-2014-july.pdf").text).paragraphs[0]
    assert listed.text.splitlines()[-1] == "- Total mortality: 729 deaths / 1323+ cases (55.1%)"


@pytest.mark.parametrize("suffix", ["html", "pdf"])
def test_extract_then_check_agree_on_every_span(suffix: str, tmp_path: Path) -> None:
    article = tmp_path / f"versailles.{suffix}"
    shutil.copy(REAL / f"treaty-of-versailles.{suffix}", article)
    deck_path = tmp_path / "decks" / "versailles.yaml"
    result = runner.invoke(app, ["extract", str(article), "-o", str(deck_path)])
    assert result.exit_code == 0, result.output
    deck = load_deck(deck_path).deck
    text = read_document(article).text
    for question in deck.questions:
        assert question.source is not None and question.source.span is not None
        start, end = question.source.span
        assert question.source.quote == " ".join(text[start:end].split())
    assert deck.source is not None
    assert (deck.source.title, deck.source.date, deck.source.file) == (
        "Treaty of Versailles", "2014-01-01", f"../versailles.{suffix}")
    check = runner.invoke(app, ["check", str(deck_path)])
    assert check.exit_code == 0, check.output
    assert f"against versailles.{suffix}" in check.output
    assert " 0 unsupported" in check.output


def test_question_mark_headline_is_not_paragraph_one(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text("Will the harbour deal hold?\n\nBy Jane Reporter, 3 May 2021\n\n"
                    "The island signed its harbour deal on 3 May 2021.\n", encoding="utf-8")
    document = read_document(path)
    article = parse_article(document.text)
    assert [p.text for p in article.paragraphs] == [
        "The island signed its harbour deal on 3 May 2021."]
    assert (document.title, document.author, document.date) == (
        "Will the harbour deal hold?", "Jane Reporter", "2021-05-03")


@pytest.fixture
def local_site() -> Iterator[str]:
    """A web server on 127.0.0.1 serving the benchmark folder; never the internet."""
    handler = _quiet_handler(str(REAL))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _quiet_handler(folder: str) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=folder, **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


def test_url_is_fetched_and_read_as_the_page_it_serves(local_site: str, tmp_path: Path) -> None:
    url = f"{local_site}/treaty-of-aigun.html"
    deck_path = tmp_path / "aigun.yaml"
    result = runner.invoke(app, ["extract", url, "-o", str(deck_path)])
    assert result.exit_code == 0, result.output
    deck = load_deck(deck_path).deck
    assert deck.id == "treaty-of-aigun"
    assert deck.source is not None and deck.source.url == url and deck.source.file is None
    check = runner.invoke(app, ["check", str(deck_path), "--source", url])
    assert check.exit_code == 0, check.output
    pdf = read_document(f"{local_site}/treaty-of-aigun.pdf")
    assert pdf.kind == "pdf" and "Treaty of Nerchinsk" in pdf.text


def test_url_errors_are_clear(local_site: str) -> None:
    with pytest.raises(InputError, match=r"/missing\.html: the server answered 404"):
        read_document(f"{local_site}/missing.html")
    result = runner.invoke(app, ["extract", "http://127.0.0.1:9/x.html"])
    assert result.exit_code == 1
    assert "http://127.0.0.1:9/x.html: cannot fetch" in result.output


def test_hostile_sources_are_refused_without_reading_them(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["extract", str(fifo)])
    assert result.exit_code == 1
    assert "pipe.txt: article is not a regular file (a FIFO" in result.output
    if Path("/dev/zero").exists():
        with pytest.raises(InputError, match="not a regular file"):
            read_document("/dev/zero")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no disk space used
    with pytest.raises(InputError, match=r"huge.txt: article is over the limit of 32.0 MB"):
        read_document(huge)
    with pytest.raises(InputError, match=r"article is not a regular file \(a folder\)"):
        read_document(tmp_path)


def test_check_without_source_or_recorded_file_says_what_to_do(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text("id: d\ntitle: D\nquestions:\n- id: q\n  type: short\n  prompt: P?\n"
                    "  answer: A\n  source: {paragraph: 1}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(deck)])
    assert result.exit_code == 1
    assert "deck.yaml: give the article with --source (the deck records no source.file)" in (
        result.output)


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    with pytest.raises(InputError, match=r"broken\.pdf: not a readable PDF"):
        read_document(broken)


def test_a_page_that_is_only_a_table_keeps_its_rows_as_one_paragraph() -> None:
    # trafilatura returns the table alone here; the page's title above it keeps a blank
    # line in the text, so the rows stay one table paragraph instead of eleven lone lines.
    document = read_document(REAL / "heldout" / "economy-of-romania-2024.html")
    article = parse_article(document.text)
    assert document.text.startswith("Economy of Romania\n\n")
    assert [p.layout for p in article.paragraphs] == ["table"]
    assert len(article.paragraphs[0].text.splitlines()) == 11
