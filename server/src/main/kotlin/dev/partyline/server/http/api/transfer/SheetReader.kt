package dev.partyline.server.http.api.transfer

import dev.partyline.shared.game.quiz.QuestionKind
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject

/** What reading a sheet gave: a question a data row, the [lines] they came from, and every [problems] found in the rows. */
data class SheetRead(val questions: List<JsonObject>, val lines: List<Int>, val problems: List<SheetProblem>)

/**
 * Reads the rows of a quiz sheet ([SheetColumn]) into questions as a quiz document writes them.
 * It checks only what is the sheet's own — numbers that must be numbers, answer numbers that
 * must name a filled answer, the kind — and leaves every limit to the document's reader, so the
 * limits are the server's one set. Cells are taken as written; a cell of spaces only is empty.
 */
object SheetReader {
    const val TYPED = "typed"

    fun read(rows: List<SheetRow>): SheetRead {
        val filled = rows.filterNot { it.blank }
        val data = if (filled.firstOrNull()?.let(::isHeader) == true) filled.drop(1) else filled
        val questions = ArrayList<JsonObject>()
        val lines = ArrayList<Int>()
        val problems = ArrayList<SheetProblem>()
        for (row in data) {
            val one = RowCheck(row)
            problems += one.problems
            one.question?.let { questions += it; lines += row.line }
        }
        return SheetRead(questions, lines, problems)
    }

    /** A first row is a header when its time limit is a text (as "Time limit (sec)") or its question is "Question". */
    fun isHeader(row: SheetRow): Boolean {
        val time = row[SheetColumn.H].trim()
        return time.isNotEmpty() && whole(time) == null || row[SheetColumn.A].trim().equals(SheetColumn.A.header, ignoreCase = true)
    }

    /** A whole number as a cell holds it: `20`, or `20.0` as a spreadsheet may write it; null for anything else. */
    fun whole(text: String): Long? = text.trim().toBigDecimalOrNull()?.let { runCatching { it.longValueExact() }.getOrNull() }

    /** The line break that parts several accepted texts in one cell of a typed question (no question text may hold one). */
    const val ACCEPT_BREAK = "\n"
}

/** One data row read into a question, with what is wrong with it. */
private class RowCheck(private val row: SheetRow) {
    val problems = ArrayList<SheetProblem>()
    val question: JsonObject?

    init {
        question = read()
    }

    private fun bad(column: SheetColumn, message: String): Nothing? {
        problems += SheetProblem(row.line, column.name, "line ${row.line}, column ${column.name}: $message")
        return null
    }

    private fun read(): JsonObject? {
        row.cells.withIndex().drop(SheetColumn.entries.size).firstOrNull { it.value.isNotBlank() }?.let {
            val letter = columnLetter(it.index)
            problems += SheetProblem(row.line, letter, "line ${row.line}, column $letter: a quiz sheet has columns A to ${SheetColumn.M.name} only")
        }
        val text = row[SheetColumn.A].takeIf { it.isNotBlank() } ?: bad(SheetColumn.A, "the question is empty")
        val answers = SheetColumn.ANSWERS.mapIndexedNotNull { i, column -> row[column].takeIf { it.isNotBlank() }?.let { i + 1 to it } }
        val seconds = number(SheetColumn.H, "the time limit must be a whole number of seconds, such as 20")
        val points = number(SheetColumn.J, "the points must be a whole number: 1000, 2000 or 0")
        val correct = row[SheetColumn.I].trim()
        val kind = kind(correct, answers.size, correct.split(',', ';', ' ').count { it.isNotBlank() })
        val fields = when (kind) {
            null -> null
            QuestionKind.TYPED -> typed(correct, answers.map { it.second })
            else -> choices(kind, correct, answers)
        }
        if (text == null || fields == null || problems.isNotEmpty()) return null
        return buildJsonObject {
            put("kind", JsonPrimitive(kind!!.wire))
            put("text", JsonPrimitive(text))
            fields.forEach { (key, value) -> put(key, value) }
            seconds?.let { put("seconds", JsonPrimitive(it)) }
            points?.let { put("points", JsonPrimitive(it)) }
            row[SheetColumn.K].takeIf { it.isNotBlank() }?.let { put("explanation", JsonPrimitive(it)) }
            row[SheetColumn.L].takeIf { it.isNotBlank() }?.let { put("image", JsonPrimitive(it.trim())) }
        }
    }

    /** The kind column M says it; without it, "typed" in I makes a typed question, several numbers a multi, True and False a truefalse, else single. */
    private fun kind(correct: String, answerCount: Int, numbers: Int): QuestionKind? {
        val written = row[SheetColumn.M].trim()
        if (written.isNotEmpty()) {
            return QuestionKind.entries.firstOrNull { it.wire.equals(written, ignoreCase = true) }
                ?: bad(SheetColumn.M, "the kind is one of ${QuestionKind.entries.joinToString { it.wire }}, or empty to let the row say; got \"${written.take(QUOTE)}\"")
        }
        val trueFalse = answerCount == 2 && SheetColumn.ANSWERS.take(2).map { row[it].trim().lowercase() }.toSet() == setOf("true", "false")
        return when {
            correct.equals(SheetReader.TYPED, ignoreCase = true) -> QuestionKind.TYPED
            numbers > 1 -> QuestionKind.MULTI
            trueFalse -> QuestionKind.TRUEFALSE
            else -> QuestionKind.SINGLE
        }
    }

    private fun typed(correct: String, cells: List<String>): Map<String, JsonArray>? {
        if (correct.isNotEmpty() && !correct.equals(SheetReader.TYPED, ignoreCase = true)) {
            return bad(SheetColumn.I, "a typed question has no answer numbers: write \"typed\" here, or leave it empty, and the accepted answers in B to G")
        }
        val accept = cells.flatMap { it.split(SheetReader.ACCEPT_BREAK) }.filter { it.isNotBlank() }
        if (accept.isEmpty()) return bad(SheetColumn.B, "a typed question needs at least one accepted answer in B to G")
        return mapOf("accept" to JsonArray(accept.map(::JsonPrimitive)))
    }

    private fun choices(kind: QuestionKind, correct: String, answers: List<Pair<Int, String>>): Map<String, JsonArray>? {
        if (correct.isEmpty()) return bad(SheetColumn.I, "name the correct answer's number, 1 to 6 (several for a multi question, such as 1,3)")
        val numbers = correct.split(',', ';', ' ').filter { it.isNotBlank() }.map { item ->
            SheetReader.whole(item)?.takeIf { it in 1..SheetColumn.ANSWERS.size }?.toInt()
                ?: return bad(SheetColumn.I, "the correct answer is named by its number, 1 to 6; got \"${item.take(QUOTE)}\"")
        }
        numbers.groupingBy { it }.eachCount().entries.firstOrNull { it.value > 1 }?.let { return bad(SheetColumn.I, "the correct answer ${it.key} is named twice") }
        val columns = answers.map { it.first }
        val indexes = numbers.map { n ->
            columns.indexOf(n).takeIf { it >= 0 }
                ?: return bad(SheetColumn.I, "the correct answer $n names an empty answer (column ${SheetColumn.ANSWERS[n - 1].name} is empty)")
        }
        val texts = answers.map { it.second }
        // A truefalse question of True and False is written without its choices, as the document reader fills them in.
        val choices = if (kind == QuestionKind.TRUEFALSE && texts == listOf("True", "False")) emptyMap() else mapOf("choices" to JsonArray(texts.map(::JsonPrimitive)))
        return choices + ("answer" to JsonArray(indexes.map(::JsonPrimitive)))
    }

    private fun number(column: SheetColumn, what: String): Long? {
        val cell = row[column].trim().takeIf { it.isNotEmpty() } ?: return null
        return SheetReader.whole(cell) ?: bad(column, "$what; got \"${cell.take(QUOTE)}\"")
    }

    private companion object {
        const val QUOTE = 40
    }
}

/** The letter of the column at [index] (0 for A, 26 for AA). */
fun columnLetter(index: Int): String = if (index < 26) ('A' + index).toString() else columnLetter(index / 26 - 1) + ('A' + index % 26)
