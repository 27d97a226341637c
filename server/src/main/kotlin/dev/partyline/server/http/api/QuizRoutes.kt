package dev.partyline.server.http.api

import dev.partyline.server.base.Clock
import dev.partyline.server.store.Account
import dev.partyline.server.store.PublicQuiz
import dev.partyline.server.store.QuizStore
import dev.partyline.server.store.QuizSummary
import dev.partyline.server.store.QuizUpdate
import dev.partyline.server.store.SavedQuiz
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.ApplicationCall
import io.ktor.server.response.respond
import io.ktor.server.routing.Route
import io.ktor.server.routing.delete
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.put
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.intOrNull
import kotlinx.serialization.json.jsonObject

/** API.md's saved quizzes (paths under `/api`): a host's own list, the public list, and each quiz's read, save, copy and delete. */
fun Route.quizRoutes(quizzes: QuizStore, auth: ApiAuth, clock: Clock) {
    get("quizzes") {
        val me = auth.require(call)
        call.respondJson(HttpStatusCode.OK, QuizList.serializer(), QuizList(quizzes.list(me.id)))
    }
    get("quizzes/public") {
        call.respondJson(HttpStatusCode.OK, PublicList.serializer(), PublicList(quizzes.listPublic()))
    }
    post("quizzes") {
        val me = auth.require(call)
        val (facts, document) = QuizDocument.read(call.receiveJson())
        val id = quizzes.create(me.id, facts, document.toString(), clock.now())
        call.respondJson(HttpStatusCode.Created, Saved.serializer(), Saved(id, 1))
    }
    get("quizzes/{id}") {
        val me = auth.require(call)
        val quiz = call.ownQuiz(quizzes, me)
        val document = Json.parseToJsonElement(quiz.document).jsonObject
        val answer = mapOf("id" to JsonPrimitive(quiz.id)) + document + mapOf("version" to JsonPrimitive(quiz.version), "owner" to JsonPrimitive(me.name))
        call.respondJson(HttpStatusCode.OK, JsonObject.serializer(), JsonObject(answer))
    }
    put("quizzes/{id}") {
        val me = auth.require(call)
        val body = call.receiveJson()
        val version = (body["version"] as? JsonPrimitive)?.intOrNull ?: throw ApiError.badRequest("say which version you edited: 'version'", "version")
        val (facts, document) = QuizDocument.read(body)
        when (val saved = quizzes.update(me.id, call.quizId(), version, facts, document.toString(), clock.now())) {
            is QuizUpdate.Saved -> call.respondJson(HttpStatusCode.OK, Version.serializer(), Version(saved.version))
            is QuizUpdate.Conflict -> throw ApiError(HttpStatusCode.Conflict, "version_conflict", "this quiz was saved elsewhere (now version ${saved.current}); reload it before saving", "version")
            QuizUpdate.NotFound -> throw ApiError.notFound("quiz")
        }
    }
    delete("quizzes/{id}") {
        val me = auth.require(call)
        if (!quizzes.delete(me.id, call.quizId())) throw ApiError.notFound("quiz")
        call.respond(HttpStatusCode.NoContent)
    }
    post("quizzes/{id}/copy") {
        val me = auth.require(call)
        val quiz = quizzes.find(call.quizId())?.takeIf { it.owner == me.id || it.visibility == "public" } ?: throw ApiError.notFound("quiz")
        val original = Json.parseToJsonElement(quiz.document).jsonObject
        val title = original["title"].textOrNull().orEmpty().let { if (it.length + COPY.length <= QuizDocument.MAX_TITLE) it + COPY else it }
        // A copy is the copier's own draft: private until they choose otherwise.
        val (facts, document) = QuizDocument.read(JsonObject(original + mapOf("title" to JsonPrimitive(title), "visibility" to JsonPrimitive("private"))))
        val id = quizzes.create(me.id, facts, document.toString(), clock.now())
        call.respondJson(HttpStatusCode.Created, Saved.serializer(), Saved(id, 1))
    }
}

private const val COPY = " (copy)"

internal fun ApplicationCall.quizId() = parameters["id"].orEmpty()

/** The caller's quiz of the path's id; `404` when there is none or it is someone else's, alike. */
internal suspend fun ApplicationCall.ownQuiz(quizzes: QuizStore, me: Account): SavedQuiz =
    quizzes.find(quizId())?.takeIf { it.owner == me.id } ?: throw ApiError.notFound("quiz")

@Serializable
private data class QuizList(val quizzes: List<QuizSummary>)

@Serializable
private data class PublicList(val quizzes: List<PublicQuiz>)

@Serializable
internal data class Saved(val id: String, val version: Int)

@Serializable
private data class Version(val version: Int)
