package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeInRange
import io.kotest.matchers.longs.shouldBeInRange
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/** A whole quiz over real sockets: a WebSocket host, a TCP player, a WebSocket player and a spectator. */
class QuizOverSocketsSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    val questions = """[
        {"kind":"single","text":"Which layer does TCP belong to?","choices":["Link","Transport","Application"],"answer":[1]},
        {"kind":"multi","text":"Which are transport protocols?","choices":["TCP","UDP","HTTP","QUIC"],"answer":[0,1,3],"points":2000},
        {"kind":"truefalse","text":"select() can wait on many sockets at once.","answer":[0]},
        {"kind":"typed","text":"Which Python module gives start_server?","accept":["asyncio"],"seconds":30}
    ]""".replace("\n", "")

    test("a TCP player and a WebSocket player play a whole quiz in one room, scored by the protocol's formula") {
        val host = TestClient.ws(server.httpPort, "host")
        val bob = TestClient.tcp(server.tcpPort, "bob")
        val cy = TestClient.ws(server.httpPort, "cy")
        val watcher = TestClient.tcp(server.tcpPort, "watcher")
        try {
            host.hello("host")
            val bobId = bob.hello("bob").str("player")
            val cyId = cy.hello("cy", bot = true).str("player")
            watcher.hello("watcher")

            host.send("""{"type":"create","game":"quiz","id":"c1","options":{"questions":$questions,"revealSeconds":0}}""")
            val created = host.expect("room")
            created["re"]!!.jsonPrimitive.content shouldBe "c1"
            created["you"]!!.jsonObject.str("role") shouldBe "host"
            val code = created.str("code")
            code.length shouldBe 6

            bob.send("""{"type":"join","room":"${code.lowercase()}"}""")
            bob.expect("room")["you"]!!.jsonObject.str("role") shouldBe "player"
            host.expect("player_joined").str("player") shouldBe bobId
            cy.send("""{"type":"join","room":"$code","as":"player"}""")
            cy.expect("room")
            bob.expect("player_joined")["bot"]!!.jsonPrimitive.content shouldBe "true"
            watcher.send("""{"type":"join","room":"$code","as":"spectator"}""")
            watcher.expect("room")["you"]!!.jsonObject.str("role") shouldBe "spectator"

            cy.send("""{"type":"chat","text":"  good luck!  "}""")
            bob.expect("chat").str("text") shouldBe "good luck!"

            host.send("""{"type":"start"}""")
            val answers = listOf(
                """"choice":1""" to """"choice":0""",
                """"choices":[3,0,1]""" to """"choices":[0,1]""",
                """"choice":0""" to """"choice":0""",
                """"text":"  AsyncIO """" to """"text":"threading"""",
            )
            val expectedCorrect = listOf(true to false, true to false, true to true, true to false)
            var bobScore = 0
            var cyScore = 0
            var bobStreak = 0
            answers.forEachIndexed { i, (bobAnswer, cyAnswer) ->
                val question = bob.expect("question")
                question.int("index") shouldBe i
                watcher.expect("question").int("index") shouldBe i
                bob.send("""{"type":"answer","index":$i,$bobAnswer,"id":$i}""")
                bob.expect("answer_ack").int("re") shouldBe i
                cy.send("""{"type":"answer","index":$i,$cyAnswer}""")
                cy.expect("answer_ack")

                val reveal = watcher.expect("reveal")
                reveal.int("index") shouldBe i
                val results = reveal["results"]!!.jsonArray.map { it.jsonObject }.associateBy { it.str("player") }
                val bobResult = results.getValue(bobId)
                val cyResult = results.getValue(cyId)
                bobResult["correct"]!!.jsonPrimitive.content.toBoolean() shouldBe expectedCorrect[i].first
                cyResult["correct"]!!.jsonPrimitive.content.toBoolean() shouldBe expectedCorrect[i].second

                // Points: base * (1 - (t/T)/2) + streak bonus; answers here take well under a second.
                val base = question.int("points")
                val limit = question.int("seconds") * 1000
                bobStreak = if (expectedCorrect[i].first) bobStreak + 1 else 0
                val bonus = 100 * minOf(bobStreak - 1, 5)
                bobResult.int("points") shouldBeInRange (Math.round(base * (1 - (2000.0 / limit) / 2)).toInt() + bonus)..(base + bonus)
                bobScore += bobResult.int("points")
                cyScore += cyResult.int("points")
                bobResult.int("score") shouldBe bobScore
                cyResult.int("score") shouldBe cyScore
                bobResult.int("streak") shouldBe bobStreak

                val board = reveal["leaderboard"]!!.jsonArray.map { it.jsonObject.int("score") }
                board shouldBe board.sortedDescending()
            }
            val over = host.expect("game_over")
            over["leaderboard"]!!.jsonArray.map { it.jsonObject.str("player") } shouldContainExactly listOf(bobId, cyId)
            bobScore shouldBeGreaterThan cyScore
            watcher.expect("game_over")
        } finally {
            listOf(host, bob, cy, watcher).forEach { it.close() }
        }
    }

    test("host controls: pause keeps the time left, resume gives a later deadline, kick removes a player") {
        val host = TestClient.tcp(server.tcpPort, "host")
        val ann = TestClient.ws(server.httpPort, "ann")
        val ben = TestClient.tcp(server.tcpPort, "ben")
        try {
            host.hello("host")
            ann.hello("ann")
            val benId = ben.hello("ben").str("player")
            host.send("""{"type":"create","game":"quiz","options":{"questions":$questions}}""")
            val code = host.expect("room").str("code")
            ann.send("""{"type":"join","room":"$code"}""")
            ann.expect("room")
            ben.send("""{"type":"join","room":"$code"}""")
            ben.expect("room")

            ann.send("""{"type":"start","id":"s"}""")
            ann.expect("error").str("code") shouldBe "not_host"

            host.send("""{"type":"start"}""")
            val deadline = ann.expect("question").long("deadline")
            host.send("""{"type":"pause"}""")
            val remaining = ann.expect("paused").long("remaining")
            remaining shouldBeInRange 1L..20_000L
            ann.send("""{"type":"answer","index":0,"choice":1}""")
            ann.expect("error").str("code") shouldBe "wrong_state"
            host.send("""{"type":"resume"}""")
            ann.expect("resumed").long("deadline") shouldBeGreaterThanOrEqual deadline

            host.send("""{"type":"kick","player":"$benId"}""")
            ben.expect("goodbye").str("reason") shouldBe "kicked"
            ben.awaitClosed()
            ann.expect("player_left").str("player") shouldBe benId

            host.send("""{"type":"skip"}""")
            ann.expect("reveal").int("index") shouldBe 0
            host.send("""{"type":"end"}""")
            ann.expect("game_over").str("reason") shouldBe "ended"
        } finally {
            listOf(host, ann, ben).forEach { it.close() }
        }
    }
})

private infix fun Long.shouldBeGreaterThanOrEqual(other: Long) = (this >= other) shouldBe true
