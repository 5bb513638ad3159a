"""grades.csv: one row per copy, the fixed columns, then one column per question id.

Columns: copy, student, version, score, max_score, flags, then the exam's questions
in deck order. A spreadsheet must not run a student field as a formula, so text
cells starting with = + - @ get a leading apostrophe (the usual CSV-injection guard).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from .exam import Exam
from .scoring import CopyResult

FIXED_COLUMNS = ("copy", "student", "version", "score", "max_score", "flags")


def grades_csv(exam: Exam, results: Sequence[CopyResult]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    question_ids = [question.id for question in exam.questions]
    writer.writerow([*FIXED_COLUMNS, *question_ids])
    for result in results:
        copy = result.copy
        student = copy.student.id if copy.student else ""
        writer.writerow([
            str(copy.copy_number),
            _safe(student),
            _safe(copy.version),
            "" if result.score is None else str(result.score),
            str(result.max_score),
            ";".join(result.flags),
            *(result.cell(question_id) for question_id in question_ids),
        ])
    return buffer.getvalue()


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
