package dev.partyline.server.examples

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.startTestServer
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
        hostExampleQuiz(server.tcpPort, "kotlin-bot") { code, watch ->
            val standings = async { withTimeout(10_000) { playQuiz("127.0.0.1", server.tcpPort, code) } }
            val score = watch()
            standings.await() shouldBe listOf("1. kotlin-bot $score")
        }
    }
})
