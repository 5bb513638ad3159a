"""Every word the printed quiz adds to the deck's text, in the deck's language.

The template receives these in its JSON (`labels`), so a quiz in French says "Nom",
"Cochez une case." and "Page 2 sur 3"; `{n}` and `{total}` are filled in by the template.
A language without a table here prints in English (its text still hyphenates, and a
right-to-left script still runs right to left: Typst takes both from the language).
"""

from __future__ import annotations

from typing import Final

DEFAULT_INSTRUCTIONS: Final = (
    "Answer every question in the space provided. The points for each question are shown beside it."
)

ENGLISH: Final = {
    "name": "Name",
    "class": "Class",
    "date": "Date",
    "score": "Score",
    "version": "Version",
    "copy": "Copy",
    "questions_one": "{n} question",
    "questions_many": "{n} questions",
    "points_one": "{n} point",
    "points_many": "{n} points",
    "page": "Page {n} of {total}",
    "answer_key": "answer key",
    "answer_key_title": "Answer key",
    "based_on": "Based on",
    "instructions": DEFAULT_INSTRUCTIONS,
    "tick_one": "Tick one box.",
    "tick_all": "Tick every right answer.",
    "true": "True",
    "false": "False",
    "year": "Year",
    "month_year": "Month and year",
    "full_date": "Date",
    "order": "Number the items from 1 (first) to {n} (last).",
    "match": "Write the letter of the matching item in each box.",
    "word_bank": "Word bank",
    "word_bank_note": "(for the gap-fill questions)",
    "also_accept": "Also accept:",
    "marker_only": "Marker only:",
    "blank_page": "This page is intentionally blank.",
    "answer_grid": "Answer grid",
    "grid_note": "one column per version; each answer in full on the pages before.",
    "number": "No.",
    "answer": "Answer",
    "question_ids": "Question ids",
    "version_lower": "version",
    "copy_lower": "copy",
    "grid_legend": "Choice: the right letters. Order: the numbers for the boxes, top to bottom."
    " Match: each numbered item with its letter. Cloze: the answers by gap number.",
}

FRENCH: Final = {
    "name": "Nom",
    "class": "Classe",
    "date": "Date",
    "score": "Note",
    "version": "Version",
    "copy": "Copie",
    "questions_one": "{n} question",
    "questions_many": "{n} questions",
    "points_one": "{n} point",
    "points_many": "{n} points",
    "page": "Page {n} sur {total}",
    "answer_key": "corrigé",
    "answer_key_title": "Corrigé",
    "based_on": "D'après",
    "instructions": "Répondez à chaque question dans l'espace prévu. Les points de chaque"
    " question sont indiqués à côté.",
    "tick_one": "Cochez une case.",
    "tick_all": "Cochez toutes les bonnes réponses.",
    "true": "Vrai",
    "false": "Faux",
    "year": "Année",
    "month_year": "Mois et année",
    "full_date": "Date",
    "order": "Numérotez les éléments de 1 (le premier) à {n} (le dernier).",
    "match": "Écrivez dans chaque case la lettre de l'élément correspondant.",
    "word_bank": "Banque de mots",
    "word_bank_note": "(pour les textes à trous)",
    "also_accept": "Accepter aussi :",
    "marker_only": "Réservé au correcteur :",
    "blank_page": "Cette page est laissée blanche intentionnellement.",
    "answer_grid": "Grille des réponses",
    "grid_note": "une colonne par version ; chaque réponse en entier dans les pages précédentes.",
    "number": "N°",
    "answer": "Réponse",
    "question_ids": "Identifiants des questions",
    "version_lower": "version",
    "copy_lower": "copie",
    "grid_legend": "Choix : les bonnes lettres. Ordre : les numéros des cases, de haut en bas."
    " Association : chaque élément numéroté avec sa lettre. Texte à trous : les réponses par"
    " numéro de trou.",
}

GERMAN: Final = {
    "name": "Name",
    "class": "Klasse",
    "date": "Datum",
    "score": "Punkte",
    "version": "Version",
    "copy": "Exemplar",
    "questions_one": "{n} Frage",
    "questions_many": "{n} Fragen",
    "points_one": "{n} Punkt",
    "points_many": "{n} Punkte",
    "page": "Seite {n} von {total}",
    "answer_key": "Lösungen",
    "answer_key_title": "Lösungen",
    "based_on": "Nach",
    "instructions": "Beantworten Sie jede Frage im vorgesehenen Feld. Die Punkte stehen"
    " neben jeder Frage.",
    "tick_one": "Kreuzen Sie ein Kästchen an.",
    "tick_all": "Kreuzen Sie jede richtige Antwort an.",
    "true": "Wahr",
    "false": "Falsch",
    "year": "Jahr",
    "month_year": "Monat und Jahr",
    "full_date": "Datum",
    "order": "Nummerieren Sie die Einträge von 1 (zuerst) bis {n} (zuletzt).",
    "match": "Schreiben Sie in jedes Kästchen den Buchstaben des passenden Eintrags.",
    "word_bank": "Wortliste",
    "word_bank_note": "(für die Lückentexte)",
    "also_accept": "Auch richtig:",
    "marker_only": "Nur für die Korrektur:",
    "blank_page": "Diese Seite bleibt absichtlich leer.",
    "answer_grid": "Lösungsraster",
    "grid_note": "eine Spalte je Version; jede Antwort vollständig auf den Seiten davor.",
    "number": "Nr.",
    "answer": "Antwort",
    "question_ids": "Kennungen der Fragen",
    "version_lower": "Version",
    "copy_lower": "Exemplar",
    "grid_legend": "Auswahl: die richtigen Buchstaben. Reihenfolge: die Zahlen für die Kästchen"
    " von oben nach unten. Zuordnung: jeder nummerierte Eintrag mit seinem Buchstaben."
    " Lückentext: die Antworten nach Lückennummer.",
}

SPANISH: Final = {
    "name": "Nombre",
    "class": "Clase",
    "date": "Fecha",
    "score": "Nota",
    "version": "Versión",
    "copy": "Copia",
    "questions_one": "{n} pregunta",
    "questions_many": "{n} preguntas",
    "points_one": "{n} punto",
    "points_many": "{n} puntos",
    "page": "Página {n} de {total}",
    "answer_key": "solucionario",
    "answer_key_title": "Solucionario",
    "based_on": "Basado en",
    "instructions": "Responda cada pregunta en el espacio previsto. Los puntos de cada"
    " pregunta figuran a su lado.",
    "tick_one": "Marque una casilla.",
    "tick_all": "Marque todas las respuestas correctas.",
    "true": "Verdadero",
    "false": "Falso",
    "year": "Año",
    "month_year": "Mes y año",
    "full_date": "Fecha",
    "order": "Numere los elementos del 1 (el primero) al {n} (el último).",
    "match": "Escriba en cada casilla la letra del elemento correspondiente.",
    "word_bank": "Banco de palabras",
    "word_bank_note": "(para los huecos)",
    "also_accept": "Aceptar también:",
    "marker_only": "Solo para el corrector:",
    "blank_page": "Esta página se ha dejado en blanco intencionadamente.",
    "answer_grid": "Cuadro de respuestas",
    "grid_note": "una columna por versión; cada respuesta completa en las páginas anteriores.",
    "number": "N.º",
    "answer": "Respuesta",
    "question_ids": "Identificadores de las preguntas",
    "version_lower": "versión",
    "copy_lower": "copia",
    "grid_legend": "Opción: las letras correctas. Orden: los números de las casillas, de arriba"
    " abajo. Emparejar: cada elemento numerado con su letra. Huecos: las respuestas por número"
    " de hueco.",
}

LABELS: Final = {"en": ENGLISH, "fr": FRENCH, "de": GERMAN, "es": SPANISH}
DEFAULT_LANGUAGE: Final = "en"


def split_language(tag: str | None) -> tuple[str, str | None]:
    """'de-CH' → ('de', 'CH'); None → ('en', None). Typst wants them apart."""
    if not tag:
        return DEFAULT_LANGUAGE, None
    parts = tag.replace("_", "-").split("-")
    language = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    return language, region


def labels_for(language: str) -> dict[str, str]:
    """The table for a language, English for one without a table."""
    return dict(LABELS.get(language, ENGLISH))
