"""How long `quizgen extract` takes on 1 MB of news text (the bar: 2 s).

    python benchmarks/extract_speed.py [--megabytes 1] [--repeat 3]

The text is the evaluation set's own articles (benchmarks/extract/), repeated with their
numbers shifted so facts do not all merge as duplicates, until it reaches the size.
Prints the best of --repeat runs for each stage and for the whole command path
(read → paragraphs → sentences → facts → ranked deck → YAML), and, for comparison, the
pysbd sentence splitter on a 100 kB slice (large inputs use the fast splitter; see
quizgen/extract/sentences.py).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from quizgen.extract import ExtractOptions, extract_article
from quizgen.extract.candidates import all_facts
from quizgen.extract.sentences import (
    PYSBD_MAX_CHARS,
    parse_article,
    sentences_of,
    split_sentences,
)

HERE = Path(__file__).resolve().parent / "extract"


def corpus(size: int) -> str:
    """Paragraphs of the evaluation texts, figures nudged on each pass, up to `size` characters."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(HERE.glob("*.txt"))]
    paragraphs = [block for text in texts for block in text.split("\n\n")[1:] if block.strip()]
    out: list[str] = []
    length = 0
    round_number = 0
    while length < size:
        for paragraph in paragraphs:
            shift = round_number % 7
            shifted = re.sub(r"\d+", lambda m, s=shift: str(int(m.group()) + s), paragraph)
            out.append(shifted)
            length += len(shifted) + 2
            if length >= size:
                break
        round_number += 1
    return "\n\n".join(out) + "\n"


def best(repeat: int, action: object) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append(time.perf_counter() - start)
    return min(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    text = corpus(int(args.megabytes * 1_000_000))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(text, encoding="utf-8")
        article = parse_article(text)
        sentences = split_sentences(article)
        facts = all_facts(article)
        options = ExtractOptions(deck_id="speed", title="Speed", source_name="big.txt")
        result = extract_article(path, options)
        print(f"input: {len(text.encode('utf-8')) / 1e6:.2f} MB, "
              f"{len(article.paragraphs)} paragraphs, "
              f"{len(sentences)} sentences, {len(facts)} facts, {result.questions} questions, "
              f"{len(result.yaml_text.encode('utf-8')) / 1e6:.1f} MB of YAML")
        print(f"paragraphs      {best(args.repeat, lambda: parse_article(text)):6.2f} s")
        print(f"sentences       {best(args.repeat, lambda: split_sentences(article)):6.2f} s "
              f"(fast splitter: input over {PYSBD_MAX_CHARS:,} characters)")
        print(f"facts           {best(args.repeat, lambda: all_facts(article)):6.2f} s")
        total = best(args.repeat, lambda: extract_article(path, options))
        print(f"whole extract   {total:6.2f} s  (bar: 2 s per MB)")
    slice_article = parse_article(text[:100_000])
    pysbd_time = best(1, lambda: [sentences_of(p, True) for p in slice_article.paragraphs])
    print(f"pysbd, 100 kB   {pysbd_time:6.2f} s  (≈ {pysbd_time * 10:.1f} s per MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
