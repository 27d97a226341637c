package dev.partyline.server.http.api.transfer

import dev.partyline.shared.game.quiz.QuizGame

/**
 * The spreadsheet layout of a quiz, one question a row (docs/api.md, "Import and export"): the
 * well-known quiz-spreadsheet template's columns A to I, then Partyline's own optional J to M,
 * so that sheet still imports and an export carries every field of a question.
 */
enum class SheetColumn(val header: String, val field: String?) {
    A("Question", "text"),
    B("Answer 1", "choices"),
    C("Answer 2", null),
    D("Answer 3", null),
    E("Answer 4", null),
    F("Answer 5", null),
    G("Answer 6", null),
    H("Time limit (sec)", "seconds"),
    I("Correct answer(s)", "answer"),
    J("Points", "points"),
    K("Explanation", "explanation"),
    L("Image", "image"),
    M("Kind", "kind");

    val index: Int get() = ordinal

    companion object {
        /** The answer columns, B to G: answer number n is `ANSWERS[n - 1]`. */
        val ANSWERS = listOf(B, C, D, E, F, G)

        /** The column a question's JSON [field] is written in; a typed question's `accept` is in the answer columns. */
        fun of(field: String): SheetColumn? = if (field == "accept") B else entries.firstOrNull { it.field == field }
    }
}

/** One row of a sheet as read: its [line] (1 for the first row, as a spreadsheet numbers rows) and its cells' texts from column A on. */
data class SheetRow(val line: Int, val cells: List<String>) {
    operator fun get(column: SheetColumn): String = cells.getOrElse(column.index) { "" }

    val blank: Boolean get() = cells.all { it.isBlank() }

    companion object {
        /** The most rows that are not blank a file may have: a header and a quiz's most questions. */
        const val MAX_FILLED = QuizGame.MAX_QUESTIONS + 1

        /** Refuses a file at its filled row [count] past [MAX_FILLED], so a huge one is not read to its end. */
        fun checkCount(count: Int) {
            if (count > MAX_FILLED) throw SheetRefused("the file has more than ${QuizGame.MAX_QUESTIONS} questions; a quiz has at most ${QuizGame.MAX_QUESTIONS}")
        }
    }
}

/** One thing wrong with a row: its [line], the [column] at fault when one is (its letter), and a [message] that names both. */
data class SheetProblem(val line: Int, val column: String?, val message: String)

/** A file that cannot be read as a quiz at all (empty, not CSV, not a workbook, too many rows): one plain message. */
class SheetRefused(message: String) : RuntimeException(message)
