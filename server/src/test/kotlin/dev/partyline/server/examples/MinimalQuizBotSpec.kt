package dev.partyline.server.examples

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.async
import kotlinx.coroutines.withTimeout

/** The minimal Kotlin bot of docs/bots.md: the listing is [playQuiz]'s file, and it plays a quiz to `game_over`. */
class MinimalQuizBotSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    test("the Kotlin bot in docs/bots.md is MinimalQuizBot.kt without its package line") {
        val source = exampleSource("MinimalQuizBot.kt")
        val packageLine = "package dev.partyline.server.examples\n\n"
        source.startsWith(packageLine) shouldBe true
        docsListing("bots.md", "### A minimal Kotlin bot", "kotlin") shouldBe source.removePrefix(packageLine)
    }

    test("the minimal Kotlin bot joins a quiz as a bot, answers every question and returns the standings") {
        TestClient.tcp(server.tcpPort, "host").use { host ->
            host.hello("host")
            host.send("""{"type":"create","game":"quiz","options":$EXAMPLE_QUIZ_OPTIONS}""")
            val code = host.expect("room").str("code")
            val standings = async { withTimeout(10_000) { playQuiz("127.0.0.1", server.tcpPort, code) } }
            val joined = host.expect("player_joined")
            joined.str("name") shouldBe "kotlin-bot"
            joined.str("bot") shouldBe "true"
            host.send("""{"type":"start"}""")
            val score = watchQuiz(host, joined.str("player"), EXAMPLE_QUIZ_QUESTIONS)
            standings.await() shouldBe listOf("1. kotlin-bot $score")
        }
    }
})
