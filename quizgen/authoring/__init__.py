"""Writing decks: a starter deck for `quizgen new`, safe appends for `quizgen add`."""
