"""Adding a question type: mypy --strict names every place that must learn it.

Per-type code takes the `AnyQuestion` union and ends each `match` in `assert_never`, so a
ninth type added to the union and the registry leaves exactly those spots failing the type
check, instead of failing at run time with a KeyError in whichever output meets it first.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

ESSAY_MODEL = '''

class EssayQuestion(QuestionBase):
    type: Literal["essay"]
    prompt: Text

    def prompt_text(self) -> str:
        return self.prompt

'''

SNIPPET = '''\
from typing import Literal, assert_never

from quizgen.models import (
    AnyQuestion, ChoiceQuestion, ClozeQuestion, DateQuestion, MatchQuestion, NumericQuestion,
    OrderQuestion, QuestionBase, ShortQuestion, TrueFalseQuestion,
)


class EssayQuestion(QuestionBase):
    type: Literal["essay"]
    prompt: str


def marks(question: AnyQuestion | EssayQuestion) -> int:
    match question:
        case ShortQuestion() | NumericQuestion() | DateQuestion() | TrueFalseQuestion():
            return 1
        case ChoiceQuestion() | ClozeQuestion() | OrderQuestion() | MatchQuestion():
            return 2
{essay_branch}        case _:
            assert_never(question)
'''


def _mypy(folder: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict with the project's settings, on `folder`'s code and nothing else."""
    shutil.copy(REPO / "pyproject.toml", folder / "pyproject.toml")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         "--cache-dir", str(folder / ".mypy_cache"), *targets],
        cwd=folder, env=env, capture_output=True, text=True, check=False,
    )


def _copy_package(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "quizgen", tmp_path / "quizgen",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "quizgen"


def test_a_missing_branch_for_a_ninth_type_fails_the_type_check(tmp_path: Path) -> None:
    _copy_package(tmp_path)  # the snippet imports this copy, as a contributor's checkout
    covered = SNIPPET.format(essay_branch="        case EssayQuestion():\n            return 5\n")
    (tmp_path / "covered.py").write_text(covered, encoding="utf-8")
    (tmp_path / "forgotten.py").write_text(SNIPPET.format(essay_branch=""), encoding="utf-8")

    passed = _mypy(tmp_path, "covered.py")
    assert passed.returncode == 0, passed.stdout
    failed = _mypy(tmp_path, "forgotten.py")
    assert failed.returncode == 1
    assert re.search(r'forgotten\.py:\d+: error: Argument 1 to "assert_never" has '
                     r'incompatible type "EssayQuestion"', failed.stdout), failed.stdout


def _assert_never_calls(package: Path) -> set[str]:
    """'quizgen/x.py:LINE' of every `assert_never(...)` call in the package."""
    calls: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*assert_never\(", line):
                calls.add(f"{path.relative_to(package.parent).as_posix()}:{number}")
    return calls


def test_a_ninth_type_in_the_package_is_reported_at_every_dispatch(tmp_path: Path) -> None:
    package = _copy_package(tmp_path)
    models = package / "models.py"
    text = models.read_text(encoding="utf-8")
    union = "\nAnyQuestion = (\n"
    assert union in text
    models.write_text(text.replace(union, f"{ESSAY_MODEL}{union}    EssayQuestion\n    |", 1),
                      encoding="utf-8")
    registry = package / "registry.py"
    names = registry.read_text(encoding="utf-8")
    assert '    "match",\n]' in names
    registry.write_text(names.replace('    "match",\n]', '    "match",\n    "essay",\n]', 1),
                        encoding="utf-8")
    expected = _assert_never_calls(package)
    assert len(expected) >= 8, "every output and `add` dispatch on the question type"

    result = _mypy(tmp_path, "quizgen")

    assert result.returncode == 1, result.stdout
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    reported = {line.split(": error: ")[0] for line in errors}
    assert reported == expected, result.stdout
    for line in errors:
        assert re.search(r'"assert_never" has incompatible type "(EssayQuestion|'
                         r"Literal\['essay'\])\"", line), line


def test_the_contributing_guide_lists_every_place_mypy_points_at() -> None:
    """docs/internals/contributing.md tells a contributor where a new type goes: keep it true."""
    guide = (REPO / "docs" / "internals" / "contributing.md").read_text(encoding="utf-8")
    calls = _assert_never_calls(REPO / "quizgen")
    per_file: dict[str, int] = {}
    for call in calls:
        path = call.rsplit(":", 1)[0]
        per_file[path] = per_file.get(path, 0) + 1
    listed = dict(re.findall(r"^\| `(quizgen/[\w/]+\.py)`(?: \((\d+)\))? \|", guide, flags=re.M))
    assert {path: int(count or 1) for path, count in listed.items()} == per_file
    summary = re.search(r"today that is (\d+) places in (\d+) files", guide)
    assert summary and (int(summary[1]), int(summary[2])) == (len(calls), len(per_file))
