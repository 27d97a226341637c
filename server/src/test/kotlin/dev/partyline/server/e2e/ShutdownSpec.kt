package dev.partyline.server.e2e

import dev.partyline.server.base.ServerConfig
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlin.time.measureTime

/**
 * A server that records no games, shutting down, ends every game with its scores and says goodbye
 * to every client, over both transports. (One that records them hands running games to its next
 * start instead: RestartSpec.)
 */
class ShutdownSpec : FunSpec({
    test("without the journal, on shutdown a quiz in progress ends with game_over and the scores so far, then every client gets goodbye shutdown") {
        val server = startTestServer(ServerConfig(journal = false))
        val host = TestClient.ws(server.httpPort, "host")
        val ann = TestClient.tcp(server.tcpPort, "ann")
        val lobby = TestClient.tcp(server.tcpPort, "lobby") // connected, in no room
        try {
            host.hello("host")
            val annId = ann.hello("ann").str("player")
            lobby.hello("lobby")
            val questions = """[{"kind":"truefalse","text":"Q1","answer":[0]},{"kind":"truefalse","text":"Q2","answer":[0],"seconds":60}]"""
            host.send("""{"type":"create","game":"quiz","options":{"questions":$questions,"revealSeconds":0}}""")
            val code = host.expect("room").str("code")
            ann.send("""{"type":"join","room":"$code"}""")
            ann.expect("room")
            host.send("""{"type":"start"}""")
            ann.expect("question")
            ann.send("""{"type":"answer","index":0,"choice":0}""")
            ann.expect("answer_ack")
            ann.expect("question") { it.int("index") == 1 } // the first is scored; the second stays open

            val took = measureTime { server.shutdown() }

            for (client in listOf(host, ann)) {
                val over = client.expect("game_over")
                val board = over["leaderboard"]!!.jsonArray.map { it.jsonObject }
                board.map { it["player"]!!.jsonPrimitive.content } shouldContainExactly listOf(annId)
                (board.single()["score"]!!.jsonPrimitive.content.toInt() > 0) shouldBe true
            }
            for (client in listOf(host, ann, lobby)) {
                client.expect("goodbye").str("reason") shouldBe "shutdown"
                client.awaitClosed()
            }
            server.metrics.openConnections() shouldBe 0
            (took.inWholeSeconds < 5) shouldBe true
        } finally {
            listOf(host, ann, lobby).forEach { it.close() }
            server.stop()
        }
    }
})
