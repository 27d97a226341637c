package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotBeBlank

/** Every error code of the session, lobby and quiz parts, over real sockets; none changes a room. */
class ErrorCodesSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    suspend fun TestClient.error(request: String): String {
        send(request)
        val error = expect("error")
        error.str("message").shouldNotBeBlank()
        return error.str("code")
    }

    val oneQuestion = """[{"kind":"single","text":"Pick b","choices":["a","b"],"answer":[1],"seconds":5}]"""

    test("session errors: not_welcomed, protocol_version, bad_name, bad_json, bad_request, unknown_type, with re") {
        val c = TestClient.tcp(server.tcpPort)
        try {
            c.error("""{"type":"rooms"}""") shouldBe "not_welcomed"
            c.error("""{"type":"hello","name":"x","protocol":2}""") shouldBe "protocol_version"
            c.error("""{"type":"hello","name":"   "}""") shouldBe "bad_name"
            c.error("""{"type":"hello","name":"abcdefghijklmnopqrstuvwxy"}""") shouldBe "bad_name"
            c.error("""{"type":"hello","name":"evil\u202Eman"}""") shouldBe "bad_name"
            c.hello("ok")
            c.error("""{"type":"hello","name":"again"}""") shouldBe "already_welcomed"
            c.error("""{"type":"rooms""") shouldBe "bad_json"
            c.error("""[1,2]""") shouldBe "bad_request"
            c.error("""{"kind":"rooms"}""") shouldBe "bad_request"
            c.send("""{"type":"teleport","id":"t1"}""")
            val unknown = c.expect("error")
            unknown.str("code") shouldBe "unknown_type"
            unknown.str("re") shouldBe "t1"
            c.error("""{"type":"join","room":7}""") shouldBe "bad_request"
            c.error("""{"type":"answer","index":1e999,"choice":0}""") shouldBe "bad_request"
            c.error("""{"type":"rooms","id":{"nested":true}}""") shouldBe "bad_request"
            c.send("""{"type":"ping","t":"still here","id":9}""")
            c.expect("pong").str("t") shouldBe "still here"
        } finally {
            c.close()
        }
    }

    test("a hello without protocol is taken as version 1, as docs/protocol.md says") {
        TestClient.tcp(server.tcpPort).use { c ->
            c.send("""{"type":"hello","name":"old-bot"}""")
            c.expect("welcome").int("protocol") shouldBe 1
        }
    }

    test("lobby errors: room_not_found, not_in_room, already_in_room, room_full, bots_not_allowed, banned, bad create options") {
        val host = TestClient.tcp(server.tcpPort)
        val p1 = TestClient.tcp(server.tcpPort)
        val bot = TestClient.ws(server.httpPort)
        try {
            host.hello("host")
            p1.hello("p1")
            bot.hello("bot", bot = true)
            host.error("""{"type":"join","room":"ZZZZZZ"}""") shouldBe "room_not_found"
            host.error("""{"type":"leave"}""") shouldBe "not_in_room"
            host.error("""{"type":"start"}""") shouldBe "not_in_room"
            host.error("""{"type":"create","game":"chess"}""") shouldBe "bad_request"
            host.error("""{"type":"create","game":"quiz","options":{"secnds":10}}""") shouldBe "bad_request"
            host.error("""{"type":"create","game":"quiz","options":{"seconds":500}}""") shouldBe "bad_request"
            host.error("""{"type":"create","game":"quiz","options":{"questions":[{"kind":"single","text":"?","choices":["a"],"answer":[3]}]}}""") shouldBe "bad_request"

            host.send("""{"type":"create","game":"quiz","options":{"maxPlayers":1,"bots":false,"questions":$oneQuestion}}""")
            val code = host.expect("room").str("code")
            host.error("""{"type":"create","game":"quiz"}""") shouldBe "already_in_room"
            bot.error("""{"type":"join","room":"$code"}""") shouldBe "bots_not_allowed"
            p1.send("""{"type":"join","room":"$code"}""")
            p1.expect("room")
            val p2 = TestClient.tcp(server.tcpPort)
            try {
                p2.hello("p2")
                p2.error("""{"type":"join","room":"$code"}""") shouldBe "room_full"
                p2.error("""{"type":"join","room":"$code","as":"referee"}""") shouldBe "bad_request"
                p2.send("""{"type":"join","room":"$code","as":"spectator"}""")
                p2.expect("room")
                p2.error("""{"type":"kick","player":"x"}""") shouldBe "not_host"
            } finally {
                p2.close()
            }
            val p1Id = host.expect("player_joined").str("player")
            host.send("""{"type":"kick","player":"$p1Id"}""")
            p1.expect("goodbye").str("reason") shouldBe "kicked"
            val back = TestClient.tcp(server.tcpPort)
            try {
                val token = p1.recorded.first { it.contains("\"welcome\"") }.substringAfter("\"session\":\"").substringBefore('"')
                back.send("""{"type":"hello","protocol":1,"session":"$token"}""")
                back.expect("welcome")
                back.error("""{"type":"join","room":"$code"}""") shouldBe "banned"
            } finally {
                back.close()
            }
        } finally {
            listOf(host, p1, bot).forEach { it.close() }
        }
    }

    test("quiz errors: wrong_state, not_a_player, bad answers, already_answered, too_late; none changes the room") {
        val host = TestClient.ws(server.httpPort)
        val p = TestClient.tcp(server.tcpPort)
        val q = TestClient.tcp(server.tcpPort)
        try {
            host.hello("host")
            p.hello("p")
            q.hello("q")
            val two = oneQuestion.removeSuffix("]") + """,{"kind":"typed","text":"Say yes","accept":["yes"]}]"""
            host.send("""{"type":"create","game":"quiz","options":{"questions":$two,"revealSeconds":60}}""")
            val code = host.expect("room").str("code")
            p.send("""{"type":"join","room":"$code"}""")
            p.expect("room")
            q.send("""{"type":"join","room":"$code"}""")
            q.expect("room")
            p.error("""{"type":"answer","index":0,"choice":1}""") shouldBe "wrong_state"
            host.error("""{"type":"pause"}""") shouldBe "wrong_state"
            host.send("""{"type":"start"}""")
            p.expect("question")
            host.error("""{"type":"start"}""") shouldBe "wrong_state"
            host.error("""{"type":"answer","index":0,"choice":1}""") shouldBe "not_a_player"
            p.error("""{"type":"answer","index":0,"choice":5}""") shouldBe "bad_request"
            p.error("""{"type":"answer","index":0,"text":"b"}""") shouldBe "bad_request"
            p.error("""{"type":"answer","index":3,"choice":1}""") shouldBe "bad_request"
            p.error("""{"type":"chat","text":"${"x".repeat(281)}"}""") shouldBe "bad_request"
            p.send("""{"type":"answer","index":0,"choice":1}""")
            p.expect("answer_ack")
            p.error("""{"type":"answer","index":0,"choice":0}""") shouldBe "already_answered"
            q.send("""{"type":"answer","index":0,"choice":0}""")
            val reveal = p.expect("reveal")
            reveal.toString().contains("\"correct\":[1]") shouldBe true
            q.error("""{"type":"answer","index":0,"choice":1}""") shouldBe "too_late"

            // The room is as it was: p has the points of one correct answer, nothing more.
            p.send("""{"type":"join","room":"$code"}""")
            val snapshot = p.expect("room")
            snapshot["players"].toString().contains("\"score\":0,\"connected\":true,\"bot\":false}") shouldBe true
        } finally {
            listOf(host, p, q).forEach { it.close() }
        }
    }

    test("a flood gets rate_limited errors, at most one a second, then a close") {
        val strict = startTestServer(ServerConfig(ratePerSecond = 5.0, rateBurst = 5, rateStrikes = 2))
        val c = TestClient.tcp(strict.tcpPort)
        try {
            c.hello("flood")
            repeat(50) { c.send("""{"type":"ping","t":$it}""") }
            c.expect("error").str("code") shouldBe "rate_limited"
            val start = System.nanoTime()
            while (!c.closedByServer) {
                // Once the server has closed, a write may fail before the client has read the close.
                if (runCatching { c.send("""{"type":"ping","t":0}""") }.isFailure) break
                if ((System.nanoTime() - start) / 1_000_000 > 8000) error("not closed")
                kotlinx.coroutines.delay(20)
            }
            c.awaitClosed()
            c.recorded.count { it.contains("rate_limited") && it.contains("\"error\"") } shouldBe 1
            c.recorded.last().contains("\"goodbye\"") shouldBe true
        } finally {
            c.close()
            strict.stop()
        }
    }
})

