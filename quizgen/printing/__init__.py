"""Printable quizzes and answer keys: Typst templates fed with JSON data."""

from .data import DEFAULT_INSTRUCTIONS, Layout, build_data
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
