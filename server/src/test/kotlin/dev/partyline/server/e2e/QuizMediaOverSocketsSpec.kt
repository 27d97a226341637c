package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive

/**
 * A question's image and explanation over real sockets: the image's URL goes out with the
 * question (in the event and in the snapshot of a player joining mid-question), the explanation
 * only with the reveal (and in the snapshot of one joining during it), and never before.
 */
class QuizMediaOverSocketsSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    val image = "Zm9vYmFyYmF6cXV4cXV1eA"
    val explanation = "Tokyo became the capital in 1868."
    val questions = """[
        {"kind":"single","text":"Capital of Japan?","choices":["Kyoto","Tokyo"],"answer":[1],"image":"$image","explanation":"  $explanation "},
        {"kind":"truefalse","text":"Osaka is a city.","answer":[0]}
    ]""".replace("\n", "")

    test("the question carries its image as /api/images/<id>; its explanation comes with the reveal alone") {
        val host = TestClient.ws(server.httpPort, "host")
        val player = TestClient.tcp(server.tcpPort, "player")
        val midQuestion = TestClient.ws(server.httpPort, "mid-question")
        val midReveal = TestClient.tcp(server.tcpPort, "mid-reveal")
        val everyone = listOf(host, player, midQuestion, midReveal)
        try {
            everyone.forEach { it.hello(it.label) }
            host.send("""{"type":"create","game":"quiz","options":{"questions":$questions,"revealSeconds":60}}""")
            val code = host.expect("room").str("code")
            player.send("""{"type":"join","room":"$code"}""")
            player.expect("room")
            host.send("""{"type":"start"}""")

            val question = player.expect("question")
            question["image"] shouldBe JsonPrimitive("/api/images/$image")
            question.containsKey("explanation") shouldBe false
            host.expect("question")["image"] shouldBe JsonPrimitive("/api/images/$image")

            midQuestion.send("""{"type":"join","room":"$code"}""")
            val snapshot = midQuestion.expect("room")
            snapshot.obj("question")["image"] shouldBe JsonPrimitive("/api/images/$image")
            snapshot["reveal"] shouldBe JsonNull

            // Nothing anyone got so far says the explanation.
            everyone.flatMap { it.recorded }.filter { "became the capital" in it }.shouldBeEmpty()

            player.send("""{"type":"answer","index":0,"choice":1}""")
            midQuestion.send("""{"type":"answer","index":0,"choice":0}""")
            val reveal = player.expect("reveal")
            reveal["explanation"] shouldBe JsonPrimitive(explanation)
            host.expect("reveal")["explanation"] shouldBe JsonPrimitive(explanation)

            midReveal.send("""{"type":"join","room":"$code","as":"spectator"}""")
            val during = midReveal.expect("room")
            during["question"] shouldBe JsonNull
            during.obj("reveal")["explanation"] shouldBe JsonPrimitive(explanation)

            host.send("""{"type":"skip"}""")
            val plain = player.expect("question") { it.int("index") == 1 }
            plain.containsKey("image") shouldBe false
            player.send("""{"type":"answer","index":1,"choice":0}""")
            midQuestion.expect("question") { it.int("index") == 1 }
            midQuestion.send("""{"type":"answer","index":1,"choice":0}""")
            player.expect("reveal") { it.int("index") == 1 }.containsKey("explanation") shouldBe false
        } finally {
            everyone.forEach { it.close() }
        }
    }
})
