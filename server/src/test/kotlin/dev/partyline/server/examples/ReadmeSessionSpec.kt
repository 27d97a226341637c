package dev.partyline.server.examples

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.type
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlin.random.Random

/**
 * The README's `nc` session, pasted as written by a person who reads each answer before typing
 * the next line and never answers a ping: it plays a whole quiz to `game_over`, with no error
 * and no `goodbye`.
 */
class ReadmeSessionSpec : FunSpec({
    test("the README's nc session, pasted line by line with a person's pauses, plays the quiz to game_over") {
        val lines = listing("README.md", "## Play by hand", "sh").lines().filter { it.startsWith("{") }
        val server = startTestServer()
        val person = TestClient.tcp(server.tcpPort, "person")
        val pause = Random(7)
        val opened = mutableSetOf<Int>()
        suspend fun reply(type: String, where: (JsonObject) -> Boolean = { true }) =
            person.awaitReply(type, where).also { if (it.type == "question") opened += it.int("index") }
        try {
            for (line in lines) {
                val sent = Json.parseToJsonElement(line).jsonObject
                if (sent.type == "answer" && sent.int("index") !in opened) reply("question") { it.int("index") == sent.int("index") }
                delay(pause.nextLong(PAUSE_MS.first, PAUSE_MS.last)) // reading, then typing
                person.send(line)
                reply(REPLY.getValue(sent.type))
            }
            reply("game_over").str("reason") shouldBe "finished"
        } finally {
            person.close()
            server.stop()
        }
    }
})

/** What the server answers to each line of the session. */
private val REPLY = mapOf("hello" to "welcome", "create" to "room", "start" to "question", "answer" to "answer_ack")

private val PAUSE_MS = 1_000L..4_000L

/** The next message of [type], failing on an `error` or a `goodbye` before it; pings go unanswered, as a person leaves them. */
private suspend fun TestClient.awaitReply(type: String, where: (JsonObject) -> Boolean = { true }): JsonObject {
    while (true) {
        val message = next(timeoutMs = 30_000)
        check(message.type != "error" && message.type != "goodbye") { "the session got $message while waiting for $type" }
        if (message.type == type && where(message)) return message
    }
}
