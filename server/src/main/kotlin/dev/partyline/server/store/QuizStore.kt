package dev.partyline.server.store

import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/** A quiz as a host saved it: its [document] is JSON text (title, description, visibility, questions). */
data class SavedQuiz(val id: String, val owner: String, val visibility: String, val version: Int, val document: String) {
    /** Whether anyone with its id may host it (or, when public, copy it), not only its owner. */
    val shared: Boolean get() = visibility == "unlisted" || visibility == "public"

    /** Its questions as a room's inline `questions` take them: every field, `image` and `explanation` too. */
    fun roomQuestions(): JsonArray = Json.parseToJsonElement(document).jsonObject.getValue("questions").jsonArray

    /** Its title, as its document holds it. */
    fun title(): String = Json.parseToJsonElement(document).jsonObject.getValue("title").jsonPrimitive.content
}

/** A line of a host's list of quizzes. */
@Serializable
data class QuizSummary(val id: String, val title: String, val questions: Int, val visibility: String, val version: Int, val updatedAt: Long)

/** A line of the public list: whose quiz it is, never its questions. */
@Serializable
data class PublicQuiz(val id: String, val title: String, val questions: Int, val owner: String)

/** What a quiz is listed and checked by, taken from its document when it is saved. */
data class QuizFacts(val title: String, val visibility: String, val questions: Int)

/** What saving over a quiz came to. */
sealed interface QuizUpdate {
    data class Saved(val version: Int) : QuizUpdate

    /** Someone saved it first: the caller's version is not [current]. */
    data class Conflict(val current: Int) : QuizUpdate

    data object NotFound : QuizUpdate
}

/** Saved quizzes. Every call that reads or changes one names its owner; another account's quiz is not found. */
interface QuizStore {
    suspend fun list(owner: String): List<QuizSummary>

    suspend fun listPublic(): List<PublicQuiz>

    /** Saves a new quiz of [owner]'s; returns its id (version 1). */
    suspend fun create(owner: String, facts: QuizFacts, document: String, now: Long): String

    /** The quiz [id], whoever owns it: callers decide who may see it. */
    suspend fun find(id: String): SavedQuiz?

    /** Saves over [owner]'s quiz [id] if it is still at [version]. */
    suspend fun update(owner: String, id: String, version: Int, facts: QuizFacts, document: String, now: Long): QuizUpdate

    /** Deletes [owner]'s quiz [id]; false when there is none. */
    suspend fun delete(owner: String, id: String): Boolean
}
