package dev.partyline.server.browser

import dev.partyline.server.e2e.ServerProcess
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import dev.partyline.server.results.GameFiles
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * The server restarts (SIGTERM, then a new start on the same data) while a quiz question is open
 * in two real browsers: each page reconnects by itself and comes back to the same question, the
 * player's answer still in, and the game plays on to its end with her points.
 */
class RestartInBrowserSpec : FunSpec({
    test("a quiz in two browsers carries on across a server restart, with the answer given before it") {
        val server = ServerProcess(null)
        val host = Browser()
        val ada = Browser(390, 844)
        try {
            server.start()
            val base = "http://127.0.0.1:${server.httpPort}"
            host.openHomeAs(base, "Quinn")
            val code = host.createQuiz(TWO_QUESTIONS, seconds = 60)
            ada.joinByLink(base, code, "Ada")
            val adaId = ada.await("Ada's id") { ada.playerId }
            // A second player over the raw protocol, who has not answered when the server stops.
            val zed = TestClient.ws(server.httpPort, "zed")
            val zedToken = zed.hello("Zed").str("session")
            zed.send("""{"type":"join","room":"$code"}""")
            zed.expect("room")
            host.await("Ada and Zed in the lobby") { host.playerEntries().keys == setOf("Quinn", "Ada", "Zed") }
            host.click("start")

            ada.await("question 1 on Ada's page") { ada.screen() == "quiz-question" && ada.findAll("choice").size == 2 }
            ada.click("choice", "data-index" to 0)
            ada.await("Ada's answer to be taken") { ada.find("answer-status").text.contains("Answer sent") }
            GameFiles.awaitUntil(5_000) { server.count("""SELECT COUNT(*) FROM journal WHERE line LIKE '%"input":"move"%'""") >= 1 }
            ada.screenshot("restart-01-answered-before-the-restart-phone")

            server.terminate()
            zed.expect("goodbye").str("reason") shouldBe "shutdown"
            zed.close()
            server.start()

            for (b in listOf(host, ada)) {
                b.await("the page to reconnect and show question 1 again", seconds = 20) {
                    b.connected && b.screen() == "quiz-question" && b.find("question-text").text == "The sun is a star."
                }
            }
            ada.playerId shouldBe adaId
            ada.find("answer-status").text shouldContain "Answer sent"
            host.await("the host to count Ada's answer, 1 of 2") {
                host.find("answered-count").let { it.getAttribute("data-of") == "2" && it.getAttribute("data-answered") == "1" }
            }
            ada.screenshot("restart-02-same-question-after-the-restart-phone")
            host.screenshot("restart-03-host-after-the-restart")

            TestClient.ws(server.httpPort, "zed again").use { again ->
                again.send("""{"type":"hello","protocol":1,"session":"$zedToken"}""")
                again.expect("welcome")
                again.expect("room")
                again.send("""{"type":"answer","index":0,"choice":1}""")
                ada.awaitFeedback(correct = true)
                val points = ada.find("leaderboard-entry", "data-player-id" to adaId).scoreOf("leaderboard-score")
                points shouldBeGreaterThan 0
                host.nextQuestionSoon(host.awaitReveal(1))
                again.expect("question", timeoutMs = 10_000) { it.str("index") == "1" }
                ada.await("question 2 on Ada's page") { ada.screen() == "quiz-question" && ada.find("question-text").text == "Is water wet?" }
                ada.click("choice", "data-index" to 1)
                again.send("""{"type":"answer","index":1,"choice":0}""")
                ada.awaitFeedback(correct = false)
                host.seeFinalResultsNow()
                host.find("leaderboard-entry", "data-player-id" to adaId).scoreOf("leaderboard-score") shouldBe points
            }
            for (b in listOf(host, ada)) b.cspViolations().shouldBeEmpty()
        } finally {
            host.close()
            ada.close()
            server.close()
        }
    }
})

private val TWO_QUESTIONS = """
    [{"kind":"truefalse","text":"The sun is a star.","answer":[0]},
    {"kind":"truefalse","text":"Is water wet?","answer":[0]}]
""".trimIndent().replace("\n", " ")
