package dev.partyline.server.http.api

import dev.partyline.server.base.Clock
import dev.partyline.server.http.api.transfer.QuizCsv
import dev.partyline.server.http.api.transfer.QuizTemplate
import dev.partyline.server.http.api.transfer.QuizXlsx
import dev.partyline.server.http.api.transfer.SheetWriter
import dev.partyline.server.store.QuizStore
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.withCharset
import io.ktor.server.request.contentType
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

/** API.md's quiz import and export (paths under `/api`): CSV, XLSX and JSON in and out, and the template workbook. */
fun Route.quizTransferRoutes(quizzes: QuizStore, auth: ApiAuth, clock: Clock) {
    get("quizzes/template.xlsx") {
        call.respondAttachment(QuizTemplate.bytes, XLSX, QuizTemplate.FILE_NAME, cacheControl = "public, max-age=86400")
    }
    post("quizzes/import") {
        val me = auth.require(call)
        val title = call.request.queryParameters["title"]
        val type = call.request.contentType().withoutParameters()
        val (facts, document) = when {
            type.match(ContentType.Application.Json) -> QuizImport.fromJson(call.receiveJson(), title)
            CSV.any { type.match(it) } -> QuizImport.fromCsv(call.receiveBytes(MAX_JSON_BYTES), title)
            type.match(XLSX) -> QuizImport.fromXlsx(call.receiveBytes(QuizImport.MAX_XLSX_BYTES), title)
            else -> throw ApiError.unsupportedMediaType(
                "import takes text/csv, an .xlsx workbook ($XLSX) or a quiz document (application/json); got ${call.request.contentType().contentType.takeIf { it != "*" } ?: "none"}",
            )
        }
        val id = quizzes.create(me.id, facts, document.toString(), clock.now())
        call.respondJson(HttpStatusCode.Created, Saved.serializer(), Saved(id, 1))
    }
    get("quizzes/{id}/export") {
        val me = auth.require(call)
        val quiz = call.ownQuiz(quizzes, me)
        val format = call.request.queryParameters["format"] ?: "json"
        val document = Json.parseToJsonElement(quiz.document).jsonObject
        val title = document["title"].textOrNull().orEmpty()
        val questions = document["questions"] as JsonArray
        when (format) {
            "json" -> call.respondAttachment(PRETTY.encodeToString(JsonObject.serializer(), document).toByteArray(), JSON, Attachment.fileName(title, "json"))
            "csv" -> call.respondAttachment(QuizCsv.write(SheetWriter.rows(questions)), CSV_OUT, Attachment.fileName(title, "csv"))
            "xlsx" -> call.respondAttachment(QuizXlsx.write(title, SheetWriter.rows(questions)), XLSX, Attachment.fileName(title, "xlsx"))
            else -> throw ApiError.badRequest("'format' is json, csv or xlsx", "format")
        }
    }
}

private val XLSX = ContentType.parse(QuizXlsx.CONTENT_TYPE)
private val CSV = listOf(ContentType.Text.CSV, ContentType("application", "csv"))
private val CSV_OUT = ContentType.Text.CSV.withCharset(Charsets.UTF_8)
private val JSON = ContentType.Application.Json.withCharset(Charsets.UTF_8)
private val PRETTY = Json { prettyPrint = true }
