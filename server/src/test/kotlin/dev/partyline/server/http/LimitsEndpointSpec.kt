package dev.partyline.server.http

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.http.api.QuizDocument
import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.game.quiz.Question
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.Limits
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * `GET /api/limits` over real HTTP: every value is the constant the server checks with, and the
 * frame size is the one this server was started with (a server with a smaller one says so).
 */
class LimitsEndpointSpec : FunSpec({
    lateinit var standard: PartylineServer
    lateinit var small: PartylineServer
    beforeSpec {
        standard = startTestServer()
        small = startTestServer(ServerConfig(maxLineBytes = 3000))
    }
    afterSpec {
        standard.stop()
        small.stop()
    }

    test("the limits are the server's own constants, as JSON") {
        val response = get(standard.httpPort, "/api/limits")
        response.statusCode() shouldBe 200
        response.headers().firstValue("content-type").orElse("") shouldStartWith "application/json"
        val limits = Json.parseToJsonElement(response.body()).jsonObject
        limits.keys shouldBe setOf("maxNameChars", "maxChatChars", "maxLineBytes", "quiz", "memory", "library")
        limits.int("maxNameChars") shouldBe Limits.MAX_NAME_CHARS
        limits.int("maxChatChars") shouldBe Limits.MAX_CHAT_CHARS
        limits.int("maxLineBytes") shouldBe Limits.MAX_LINE_BYTES

        val quiz = limits.getValue("quiz").jsonObject
        quiz.int("maxQuestions") shouldBe QuizGame.MAX_QUESTIONS
        quiz.int("maxQuestionChars") shouldBe Question.MAX_TEXT
        quiz.int("maxChoiceChars") shouldBe Question.MAX_CHOICE
        quiz.int("maxChoices") shouldBe Question.MAX_CHOICES
        quiz.int("minSeconds") shouldBe Question.SECONDS.first
        quiz.int("maxSeconds") shouldBe Question.SECONDS.last
        quiz.getValue("allowedPoints").jsonArray.map { it.jsonPrimitive.int } shouldBe Question.ALLOWED_POINTS.sorted()
        quiz.int("maxTypedAnswerChars") shouldBe Limits.MAX_TYPED_ANSWER_CHARS

        val memory = limits.getValue("memory").jsonObject
        memory.int("minRows") shouldBe MemoryGame.SIDE.first
        memory.int("maxRows") shouldBe MemoryGame.SIDE.last
        memory.int("minCols") shouldBe MemoryGame.SIDE.first
        memory.int("maxCols") shouldBe MemoryGame.SIDE.last

        val library = limits.getValue("library").jsonObject
        library.int("maxTitleChars") shouldBe QuizDocument.MAX_TITLE
        library.int("maxDescriptionChars") shouldBe QuizDocument.MAX_DESCRIPTION
        library.int("maxExplanationChars") shouldBe Question.MAX_EXPLANATION
    }

    test("the frame size is the one the server was started with") {
        val limits = Json.parseToJsonElement(get(small.httpPort, "/api/limits").body()).jsonObject
        limits.int("maxLineBytes") shouldBe 3000
        limits.int("maxNameChars") shouldBe Limits.MAX_NAME_CHARS
    }
})

private fun JsonObject.int(key: String): Int = getValue(key).jsonPrimitive.int

private fun get(port: Int, path: String): HttpResponse<String> =
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI("http://127.0.0.1:$port$path")).build(), HttpResponse.BodyHandlers.ofString())
