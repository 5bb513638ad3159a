"""Printable quizzes and answer keys: Typst templates fed with JSON data."""

from .data import Layout, build_data
from .labels import DEFAULT_INSTRUCTIONS
from .printer import (
    PrintedFile,
    PrintOptions,
    PrintResult,
    RenderedQuiz,
    key_path,
    print_quiz,
    render,
)

__all__ = [
    "DEFAULT_INSTRUCTIONS",
    "Layout",
    "PrintOptions",
    "PrintResult",
    "PrintedFile",
    "RenderedQuiz",
    "build_data",
    "key_path",
    "print_quiz",
    "render",
]
