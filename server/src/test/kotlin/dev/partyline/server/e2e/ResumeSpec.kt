package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/** Dropped connections resume their seat; a second connection replaces the first; idle ones are closed. */
class ResumeSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer(ServerConfig(idleTimeoutMillis = 900)) }
    afterSpec { server.stop() }

    val questions = """[{"kind":"single","text":"1+1?","choices":["1","2"],"answer":[1]},{"kind":"single","text":"2+2?","choices":["4","5"],"answer":[0]}]"""

    /** Opens a room with [host] and seats [player]; returns the room code. */
    suspend fun seat(host: TestClient, player: TestClient): String {
        host.send("""{"type":"create","game":"quiz","options":{"questions":$questions,"revealSeconds":60}}""")
        val code = host.expect("room").str("code")
        player.send("""{"type":"join","room":"$code"}""")
        player.expect("room")
        return code
    }

    test("a player who drops mid-game resumes with the same id, seat, score and streak, and gets a full snapshot") {
        val host = TestClient.ws(server.httpPort, "host")
        val first = TestClient.tcp(server.tcpPort, "ada")
        val welcome = first.hello("ada")
        host.hello("host")
        val keepAlive = PingLoop(host)
        try {
            seat(host, first)
            host.send("""{"type":"start"}""")
            first.expect("question")
            first.send("""{"type":"answer","index":0,"choice":1}""")
            val score = first.expect("reveal")["results"]!!.jsonArray.single().jsonObject.int("score")

            first.close()
            host.expect("player_status") { it["connected"]!!.jsonPrimitive.content == "false" }

            val again = TestClient.tcp(server.tcpPort, "ada-again")
            try {
                again.send("""{"type":"hello","protocol":1,"session":"${welcome.str("session")}"}""")
                val resumed = again.expect("welcome")
                resumed.str("player") shouldBe welcome.str("player")
                resumed["resumed"]!!.jsonPrimitive.content shouldBe "true"
                val snapshot = again.expect("room")
                snapshot.str("state") shouldBe "playing"
                snapshot["you"]!!.jsonObject.str("role") shouldBe "player"
                val me = snapshot["players"]!!.jsonArray.map { it.jsonObject }.single { it.str("player") == welcome.str("player") }
                me.int("score") shouldBe score
                me["connected"]!!.jsonPrimitive.content shouldBe "true"
                host.expect("player_status") { it["connected"]!!.jsonPrimitive.content == "true" }

                host.send("""{"type":"skip"}""")
                again.expect("question").int("index") shouldBe 1
                again.send("""{"type":"answer","index":1,"choice":0}""")
                val result = again.expect("reveal")["results"]!!.jsonArray.single().jsonObject
                result.int("streak") shouldBe 2
            } finally {
                again.close()
            }
        } finally {
            keepAlive.stop()
            host.close()
        }
    }

    test("a second connection with the same token replaces the first, which gets goodbye") {
        val first = TestClient.tcp(server.tcpPort)
        val token = first.hello("bea").str("session")
        val second = TestClient.ws(server.httpPort)
        try {
            second.send("""{"type":"hello","protocol":1,"session":"$token"}""")
            second.expect("welcome")
            first.expect("goodbye").str("reason") shouldBe "replaced"
            first.awaitClosed()
        } finally {
            first.close()
            second.close()
        }
    }

    test("a wrong or forged token is refused with bad_session and the connection can still say hello") {
        val client = TestClient.tcp(server.tcpPort)
        val real = TestClient.tcp(server.tcpPort)
        try {
            val token = real.hello("real").str("session")
            val forged = token.substringBefore('.') + ".AAAAAAAAAAAAAAAAAAAAAA"
            client.send("""{"type":"hello","protocol":1,"session":"$forged"}""")
            client.expect("error").str("code") shouldBe "bad_session"
            client.send("""{"type":"hello","protocol":1,"session":"nonsense"}""")
            client.expect("error").str("code") shouldBe "bad_session"
            client.hello("fresh").str("name") shouldBe "fresh"
        } finally {
            client.close()
            real.close()
        }
    }

    test("an idle connection is pinged, then closed with goodbye idle") {
        val client = TestClient.tcp(server.tcpPort)
        try {
            client.hello("sleepy")
            client.recordedPing()
            client.expect("goodbye", timeoutMs = 3000).str("reason") shouldBe "idle"
            client.awaitClosed()
            client.recorded.joinToString() shouldContain "\"type\":\"ping\""
        } finally {
            client.close()
        }
    }
})

private suspend fun TestClient.recordedPing(): JsonObject = expect("ping", timeoutMs = 3000)
