package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.http.api.ApiClient
import dev.partyline.server.store.StoreBackend
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * Hosting a saved quiz over the game protocol (API.md): `create` with `"quiz":"<id>"` plays its
 * questions, for a bot that said hello with its owner's token or a browser whose WebSocket
 * carries its owner's cookie; someone else gets `quiz_not_found` unless the quiz is unlisted or
 * public, and nothing of its answers reaches anyone before the reveal.
 */
class SavedQuizHostingSpec : FunSpec({
    for (backend in StoreBackend.entries) context("on $backend") {
        val server: PartylineServer = startTestServer(backend.config())
        afterSpec { server.stop() }
        val owner = ApiClient(server.httpPort).also { it.signUp("host_$backend") }
        val token = owner.post("/api/tokens", """{"label":"bot"}""")["token"]!!.jsonPrimitive.content
        val quiz = owner.post("/api/quizzes", SAVED.replace("VISIBILITY", "private"))["id"]!!.jsonPrimitive.content
        val unlisted = owner.post("/api/quizzes", SAVED.replace("VISIBILITY", "unlisted"))["id"]!!.jsonPrimitive.content

        test("a bot with its owner's token hosts the saved quiz; a player sees its question with its image, and its accepted answer and explanation only at the reveal") {
            val bot = TestClient.tcp(server.tcpPort, "bot")
            val player = TestClient.tcp(server.tcpPort, "player")
            try {
                bot.send("""{"type":"hello","name":"quizbot","protocol":1,"bot":true,"token":"$token"}""")
                bot.expect("welcome")
                bot.send("""{"type":"create","game":"quiz","options":{"quiz":"$quiz","revealSeconds":0}}""")
                val room = bot.expect("room")
                room.getValue("options").jsonObject.int("count") shouldBe 2
                player.hello("pat")
                player.send("""{"type":"join","room":"${room.str("code")}"}""")
                player.expect("room")
                bot.send("""{"type":"start"}""")
                val question = player.expect("question")
                question.str("text") shouldBe "Name the protocol behind ping."
                question.str("image") shouldBe "/api/images/$IMAGE"
                player.recorded.filter { "Xyzzy-ICMP" in it || "Echo requests" in it }.shouldBeEmpty()
                player.send("""{"type":"answer","index":0,"text":"xyzzy-icmp"}""")
                val reveal = player.expect("reveal")
                reveal.toString().contains("Xyzzy-ICMP") shouldBe true
                reveal.str("explanation") shouldBe "Echo requests and replies."
                player.expect("question") { it.int("index") == 1 }.containsKey("image") shouldBe false
            } finally {
                bot.close()
                player.close()
            }
        }

        test("a browser whose WebSocket carries its owner's session cookie hosts it too") {
            val browser = RawWsTestClient.connect(server.httpPort, "browser", sessionCookie = owner.sessionCookie)
            try {
                browser.hello("host in a browser")
                browser.send("""{"type":"create","game":"quiz","options":{"quiz":"$quiz"}}""")
                browser.expect("room").getValue("options").jsonObject.int("count") shouldBe 2
            } finally {
                browser.close()
            }
        }

        test("anyone else gets quiz_not_found for a private quiz, as for one that does not exist, and may host an unlisted one") {
            val stranger = ApiClient(server.httpPort).also { it.signUp("stranger_$backend") }
            val strangerToken = stranger.post("/api/tokens", """{"label":"bot"}""")["token"]!!.jsonPrimitive.content
            val anonymous = TestClient.tcp(server.tcpPort, "anon")
            val other = TestClient.tcp(server.tcpPort, "other")
            val cookieOfAnother = RawWsTestClient.connect(server.httpPort, "other-browser", sessionCookie = stranger.sessionCookie)
            try {
                anonymous.hello("anon")
                other.send("""{"type":"hello","name":"other","protocol":1,"token":"$strangerToken"}""")
                other.expect("welcome")
                cookieOfAnother.hello("other in a browser")
                for (client in listOf(anonymous, other, cookieOfAnother)) {
                    for (id in listOf(quiz, "no-such-quiz")) {
                        client.send("""{"type":"create","game":"quiz","options":{"quiz":"$id"}}""")
                        val error = client.expect("error")
                        error.str("code") shouldBe "quiz_not_found"
                        error.str("message") shouldBe "no saved quiz '$id' that you may host"
                    }
                }
                anonymous.send("""{"type":"create","game":"quiz","options":{"quiz":"$unlisted"}}""")
                anonymous.expect("room")
            } finally {
                listOf(anonymous, other, cookieOfAnother).forEach { it.close() }
            }
        }

        test("a hello with an unknown token is bad_session; quiz with pack or questions is bad_request") {
            val bot = TestClient.tcp(server.tcpPort, "bad-token")
            try {
                bot.send("""{"type":"hello","name":"b","protocol":1,"token":"not-a-token"}""")
                bot.expect("error").str("code") shouldBe "bad_session"
                bot.hello("b")
                bot.send("""{"type":"create","game":"quiz","options":{"quiz":"$quiz","pack":"networks"}}""")
                bot.expect("error").str("code") shouldBe "bad_request"
            } finally {
                bot.close()
            }
        }
    }
})

private const val IMAGE = "PingPictureAbcdefgh_-1"

private val SAVED = """
{"title":"Ping","visibility":"VISIBILITY","questions":[
 {"kind":"typed","text":"Name the protocol behind ping.","accept":["Xyzzy-ICMP"],"image":"$IMAGE","explanation":"Echo requests and replies."},
 {"kind":"truefalse","text":"Ping uses TCP.","answer":[1]}
]}
""".trimIndent()
