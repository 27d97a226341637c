package dev.partyline.server.http.api.transfer

import dev.partyline.shared.game.quiz.QuestionKind
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject

/**
 * Writes a saved quiz's questions as sheet rows ([SheetColumn]), the header first, so that
 * [SheetReader] reads them back to the very same questions: the kind is written in M, so a multi
 * question of one correct answer or a truefalse one of Yes and No comes back as it was.
 */
object SheetWriter {
    val HEADER: List<String> = SheetColumn.entries.map { it.header }

    /** The header and a row a question of [questions] (a saved document's, already checked). */
    fun rows(questions: JsonArray): List<List<String>> = listOf(HEADER) + questions.map { row(it.jsonObject) }

    private fun row(question: JsonObject): List<String> {
        val kind = question.text("kind")
        val cells = MutableList(SheetColumn.entries.size) { "" }
        cells[SheetColumn.A.index] = question.text("text")
        val answers = when (kind) {
            QuestionKind.TYPED.wire -> packed(question.texts("accept"))
            else -> question["choices"]?.let { question.texts("choices") } ?: listOf("True", "False")
        }
        answers.forEachIndexed { i, answer -> cells[SheetColumn.ANSWERS[i].index] = answer }
        cells[SheetColumn.H.index] = question.number("seconds")
        cells[SheetColumn.I.index] = if (kind == QuestionKind.TYPED.wire) SheetReader.TYPED else {
            question.getValue("answer").jsonArray.joinToString(",") { (it.jsonPrimitive().content.toInt() + 1).toString() }
        }
        cells[SheetColumn.J.index] = question.number("points")
        cells[SheetColumn.K.index] = question["explanation"].textOrEmpty()
        cells[SheetColumn.L.index] = question["image"].textOrEmpty()
        cells[SheetColumn.M.index] = kind
        return cells
    }

    /** Six cells at most: past six accepted texts, the sixth cell holds the rest, one a line. */
    private fun packed(accept: List<String>): List<String> {
        val cells = SheetColumn.ANSWERS.size
        return if (accept.size <= cells) accept else accept.take(cells - 1) + accept.drop(cells - 1).joinToString(SheetReader.ACCEPT_BREAK)
    }

    private fun JsonObject.text(field: String): String = this[field].textOrEmpty()

    private fun JsonObject.texts(field: String): List<String> = this[field]?.jsonArray?.map { it.textOrEmpty() }.orEmpty()

    private fun JsonObject.number(field: String): String = (this[field] as? JsonPrimitive)?.contentOrNull.orEmpty()

    private fun JsonElement?.textOrEmpty(): String = (this as? JsonPrimitive)?.contentOrNull.orEmpty()

    private fun JsonElement.jsonPrimitive(): JsonPrimitive = this as JsonPrimitive
}
