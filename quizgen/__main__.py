"""`python -m quizgen` runs the same command line as the `quizgen` script."""

from quizgen.cli import main

main()
