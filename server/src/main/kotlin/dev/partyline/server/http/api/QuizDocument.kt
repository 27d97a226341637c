package dev.partyline.server.http.api

import dev.partyline.server.store.QuizFacts
import dev.partyline.shared.game.quiz.QuestionProblem
import dev.partyline.shared.game.quiz.QuestionReader
import dev.partyline.shared.game.quiz.QuestionsRead
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.PlainText
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject

/**
 * A quiz document as the API takes it (API.md): `title`, `description`, `visibility` and
 * `questions`, each question checked by the same [QuestionReader] as a room's inline questions,
 * optional `image` (an image id) and `explanation` included. A field it does not know is refused,
 * so a typo is never dropped in silence; `id`, `version` and `owner` (what a GET adds) are let
 * through, so a client may send back what it read.
 */
object QuizDocument {
    const val MAX_TITLE = 100
    const val MAX_DESCRIPTION = 1000
    val VISIBILITIES = listOf("private", "unlisted", "public")
    private val FIELDS = setOf("title", "description", "visibility", "questions", "id", "version", "owner")

    /** The document's facts and its canonical JSON, or `400 bad_request` naming the first field at fault. */
    fun read(body: JsonObject): Pair<QuizFacts, JsonObject> = when (val checked = check(body)) {
        is Checked.Valid -> checked.facts to checked.document
        is Checked.Refused -> {
            val first = checked.problems.first()
            throw ApiError.badRequest(first.toString() + if (checked.problems.size > 1) " (and ${checked.problems.size - 1} more)" else "", first.path)
        }
    }

    /** What checking a document gave: its facts and canonical JSON, or every problem of its questions. */
    sealed interface Checked {
        data class Valid(val facts: QuizFacts, val document: JsonObject) : Checked
        data class Refused(val problems: List<QuestionProblem>) : Checked
    }

    /**
     * Checks [body]: a problem of the document as a whole is `400 bad_request` at once; the
     * problems of its questions are all gathered, so an import can name each row at fault.
     */
    fun check(body: JsonObject): Checked {
        body.keys.firstOrNull { it !in FIELDS }?.let { throw ApiError.badRequest("a quiz has no field '$it'; its fields are ${FIELDS.take(4).joinToString()}", it) }
        val title = text(body, "title", MAX_TITLE)?.takeIf { it.isNotEmpty() } ?: throw ApiError.badRequest("a quiz needs a title of 1 to $MAX_TITLE characters", "title")
        val description = text(body, "description", MAX_DESCRIPTION)
        val visibility = body["visibility"]?.let { v -> v.textOrNull()?.takeIf { it in VISIBILITIES } ?: throw ApiError.badRequest("visibility is one of ${VISIBILITIES.joinToString()}", "visibility") }
            ?: VISIBILITIES.first()
        val questions = body["questions"] as? JsonArray ?: throw ApiError.badRequest("'questions' must be a list of 1 to ${QuizGame.MAX_QUESTIONS} questions", "questions")
        val problems = when (val read = QuestionReader.readAll(questions, QuizGame.MAX_QUESTIONS)) {
            is QuestionsRead.Refused -> read.problems
            is QuestionsRead.Read -> emptyList()
        }
        if (problems.isNotEmpty()) return Checked.Refused(problems)
        val document = buildJsonObject {
            put("title", JsonPrimitive(title))
            description?.let { put("description", JsonPrimitive(it)) }
            put("visibility", JsonPrimitive(visibility))
            put("questions", questions)
        }
        return Checked.Valid(QuizFacts(title, visibility, questions.size), document)
    }

    /** Where a problem is in a document: `questions.3.answer`, `questions.3`, or `questions`. */
    val QuestionProblem.path: String get() = listOfNotNull("questions", question?.toString(), field?.takeIf { question != null }).joinToString(".")

    /** The trimmed text of an optional string [field] of at most [max] characters. */
    private fun text(body: JsonObject, field: String, max: Int): String? {
        val value = body[field] ?: return null
        val text = value.textOrNull()?.trim()
        if (text == null || text.length > max || !PlainText.isClean(text)) throw ApiError.badRequest("'$field' must be a text of at most $max characters", field)
        return text
    }
}
