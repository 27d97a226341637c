package dev.partyline.server.http.api

import dev.partyline.server.http.api.QuizDocument.path
import dev.partyline.server.http.api.transfer.QuizCsv
import dev.partyline.server.http.api.transfer.QuizXlsx
import dev.partyline.server.http.api.transfer.SheetColumn
import dev.partyline.server.http.api.transfer.SheetProblem
import dev.partyline.server.http.api.transfer.SheetReader
import dev.partyline.server.http.api.transfer.SheetRefused
import dev.partyline.server.http.api.transfer.SheetRow
import dev.partyline.server.store.QuizFacts
import io.ktor.http.HttpStatusCode
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject

/**
 * An imported file made a quiz document, checked by [QuizDocument] as any saved quiz is, so
 * the limits are one and the same. A sheet's problems — its own and the document's, mapped back
 * to the row and column they came from — are answered together, up to [MAX_LINES], as
 * `400 bad_request` with `lines`; a file that is no sheet at all gets one plain message.
 */
object QuizImport {
    /** The largest workbook taken; see docs/api.md for why this figure. */
    const val MAX_XLSX_BYTES = 2 * MIB
    const val MAX_LINES = 50
    const val DEFAULT_TITLE = "Imported quiz"
    private val DEFAULT_SHEET = Regex("(?i)sheet ?\\d*|feuil\\d*|tabelle\\d*|hoja\\d*|blad\\d*")

    fun fromCsv(bytes: ByteArray, title: String?): Pair<QuizFacts, JsonObject> = sheet({ QuizCsv.read(bytes) }, title ?: DEFAULT_TITLE)

    fun fromXlsx(bytes: ByteArray, title: String?): Pair<QuizFacts, JsonObject> {
        val file = refusing { QuizXlsx.read(bytes) }
        return sheet({ file.rows }, title ?: file.name.takeUnless { it.trim().matches(DEFAULT_SHEET) } ?: DEFAULT_TITLE)
    }

    /** A quiz document as `POST /api/quizzes` takes it, its title replaced by [title] when one is given. */
    fun fromJson(body: JsonObject, title: String?): Pair<QuizFacts, JsonObject> =
        QuizDocument.read(if (title == null) body else JsonObject(body + ("title" to JsonPrimitive(title))))

    private fun sheet(rows: () -> List<SheetRow>, title: String): Pair<QuizFacts, JsonObject> {
        val read = SheetReader.read(refusing(rows))
        if (read.questions.isEmpty() && read.problems.isEmpty()) {
            throw ApiError.badRequest("the file has no questions: write one a row, the question in column A, its answers in B to G, the correct answer's number in I")
        }
        val document = buildJsonObject {
            put("title", JsonPrimitive(title))
            put("visibility", JsonPrimitive("private"))
            put("questions", JsonArray(read.questions))
        }
        val checked = if (read.questions.isEmpty()) null else QuizDocument.check(document)
        val problems = read.problems + (checked as? QuizDocument.Checked.Refused)?.problems.orEmpty().map { problem ->
            val question = problem.question ?: throw ApiError.badRequest(problem.message, problem.path)
            val line = read.lines[question - 1]
            val column = problem.field?.let(SheetColumn::of)
            val where = column?.let { ", column ${it.name} (${it.header})" }.orEmpty()
            SheetProblem(line, column?.name, "line $line$where: ${problem.message}")
        }
        if (problems.isNotEmpty()) throw lineErrors(problems)
        val valid = checked as QuizDocument.Checked.Valid
        return valid.facts to valid.document
    }

    private fun lineErrors(problems: List<SheetProblem>): ApiError {
        val sorted = problems.sortedWith(compareBy({ it.line }, { it.column.orEmpty().length }, { it.column.orEmpty() }))
        val more = if (sorted.size > 1) " (and ${sorted.size - 1} more: see 'lines')" else ""
        val lines = sorted.take(MAX_LINES).map { ApiError.Line(it.line, it.message, it.column) }
        return ApiError(HttpStatusCode.BadRequest, "bad_request", sorted.first().message + more, lines = lines)
    }

    private fun <T> refusing(read: () -> T): T = try {
        read()
    } catch (e: SheetRefused) {
        throw ApiError.badRequest(e.message ?: "the file cannot be read")
    }
}
