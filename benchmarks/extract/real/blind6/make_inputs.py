"""Each NAME.txt in this folder → NAME.html and NAME.pdf, with ../make_inputs.py's page and
typesetting code and this folder's sources.yaml (../make_inputs.py only reads its own
folders and ../sources.yaml). Same input, same bytes.

    python benchmarks/extract/real/blind6/make_inputs.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import typst
import yaml

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("real_make_inputs", HERE.parent / "make_inputs.py")
assert _spec is not None and _spec.loader is not None
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)


def main() -> int:
    sources = yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))
    for text_path in sorted(HERE.glob("*.txt")):
        meta = {key: str(value) for key, value in sources[text_path.stem].items()}
        headline, body = base.blocks(text_path.read_text(encoding="utf-8"))
        text_path.with_suffix(".html").write_text(base.page_html(headline, body, meta),
                                                  encoding="utf-8")
        pdf = typst.compile(base.page_typst(headline, body, meta).encode(), format="pdf",
                            timestamp=base.TIMESTAMP)
        assert isinstance(pdf, bytes)
        text_path.with_suffix(".pdf").write_bytes(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
