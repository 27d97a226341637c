package dev.partyline.server.reliability

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.str
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject

/**
 * A player of a [StormRoom] over TCP: its id and session token, its connection of the moment, and
 * what the last reveal said of it.
 */
class StormPlayer(client: TestClient, val id: String, val token: String) {
    var client: TestClient = client
        private set

    var score = 0
        private set
    var streak = 0
        private set
    var points = 0
        private set

    /** Answers question [index] with [choice] once it opens, then reads its own result from the reveal. */
    suspend fun answer(index: Int, choice: Int) {
        client.expect("question", WAIT_MS) { it.int("index") == index }
        client.send("""{"type":"answer","index":$index,"choice":$choice}""")
        val reveal = client.expect("reveal", WAIT_MS) { it.int("index") == index }
        val mine = reveal.resultOf(id)
        score = mine.int("score")
        streak = mine.int("streak")
        points = mine.int("points")
    }

    /** Drops the connection without a word, as a phone losing its network does. */
    fun drop() = client.close()

    /** Resumes on a new connection with the token: the first two messages it gets, meant to be `welcome` and `room`. */
    suspend fun resume(tcpPort: Int): Pair<JsonObject, JsonObject> {
        client = TestClient.tcp(tcpPort, "$id-again")
        client.send("""{"type":"hello","protocol":1,"session":"$token"}""")
        return client.next(WAIT_MS) to client.next(WAIT_MS)
    }

    /**
     * Resumes on two new connections at once, as a client that retries too soon does. The server
     * keeps one and closes the other with `goodbye` `replaced`; this player goes on with the one
     * kept, which must have had its `welcome` and `room` snapshot.
     */
    suspend fun resumeTwice(tcpPort: Int) {
        val both = coroutineScope {
            List(2) { n ->
                async {
                    TestClient.tcp(tcpPort, "$id-twice-$n").also { it.send("""{"type":"hello","protocol":1,"session":"$token"}""") }
                }
            }.awaitAll()
        }
        val replaced = withTimeout(WAIT_MS) {
            while (both.none { it.closedByServer }) delay(10)
            both.single { it.closedByServer }
        }
        replaced.recorded.any { "\"replaced\"" in it } shouldBe true
        client = both.single { it !== replaced }
        client.next(WAIT_MS).str("type") shouldBe "welcome"
        client.next(WAIT_MS).str("type") shouldBe "room"
    }

    companion object {
        /** How long any one message of a storm may take to arrive. */
        const val WAIT_MS = 20_000L
    }
}

/** [player]'s entry in a `reveal`'s results. */
fun JsonObject.resultOf(player: String): JsonObject =
    this["results"]!!.jsonArray.map { it.jsonObject }.single { it.str("player") == player }
