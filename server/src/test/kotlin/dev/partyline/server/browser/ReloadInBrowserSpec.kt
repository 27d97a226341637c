package dev.partyline.server.browser

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * A player who reloads the page in the middle of a game comes back to the same seat, on the
 * same screen, with the same score, and the others see them connected again.
 */
class ReloadInBrowserSpec : FunSpec({
    val stage = browserStage()

    test("a memory player who reloads after finding a pair keeps the seat, the score and the pair on the board, and plays the game to the end") {
        val kai = stage.browser()
        val lu = stage.browser()
        kai.openHomeAs(stage.base, "Kai")
        val code = kai.createMemory(rows = 2, cols = 2, mode = "turns", turnSeconds = 30)
        lu.openHomeAs(stage.base, "Lu")
        lu.joinWithCode(code)
        val kaiId = kai.await("Kai's id") { kai.playerId }
        val luId = lu.await("Lu's id") { lu.playerId }
        kai.await("Lu in the lobby") { "Lu" in kai.playerEntries() }
        kai.click("start")
        for (b in listOf(kai, lu)) b.awaitScreen("memory")

        // Kai, the host, passes every turn of his, so the pairs are Lu's to find.
        val table = MemoryTable(cards = 4)
        fun luPlaysOneTurn(): Boolean {
            kai.passIfOnTurn(kaiId, luId)
            lu.await("Lu's turn") { lu.turnOf() == luId }
            val attempt = table.attempt(lu, watchers = listOf(kai))
            if (!attempt.match) kai.await("the turn to leave Lu after a miss") { kai.turnOf() == kaiId }
            return attempt.match
        }
        var attempts = 0
        while (!luPlaysOneTurn()) (++attempts) shouldBeLessThanOrEqual 2
        kai.await("Lu's first pair on Kai's page") { kai.shownScore(luId) == 1 }
        val found = table.matched.associateWith { table.faces.getValue(it) }
        lu.screenshot("reload-01-memory-before-reload")

        lu.refresh()

        lu.await("Lu's page to be back in the game", seconds = 15) { lu.connected && lu.screen() == "memory" }
        lu.playerId shouldBe luId
        lu.find("me").text shouldBe "Lu"
        lu.await("Lu's pair to be shown matched after the reload") {
            found.all { (card, face) -> lu.stateOf(card) == "matched" && lu.faceOf(card) == face }
        }
        lu.findAll("card").count { it.getAttribute("data-state") == "matched" } shouldBe 2
        lu.shownScore(luId) shouldBe 1
        lu.shownScore(kaiId) shouldBe 0
        kai.await("Kai's page to show Lu connected again") {
            kai.find("player", "data-player-id" to luId).let {
                it.getAttribute("data-connected") == "true" && it.findElements(Browser.test("offline-badge")).isEmpty()
            }
        }
        kai.shownScore(luId) shouldBe 1
        lu.screenshot("reload-02-memory-after-reload")

        // The seat still plays: Lu finds the remaining pairs.
        while (table.matched.size < 4) {
            luPlaysOneTurn()
            (++attempts) shouldBeLessThanOrEqual 4
        }
        for (b in listOf(kai, lu)) b.awaitScreen("game-over")
        lu.find("my-place").text shouldBe "🎉 You won with 2 pairs!"
        kai.find("podium-entry", "data-rank" to 1).getAttribute("data-player-id") shouldBe luId
        for (b in listOf(kai, lu)) b.cspViolations().shouldBeEmpty()
    }

    test("a quiz player who reloads before answering a question keeps the seat and the points, and can still answer") {
        val host = stage.browser()
        val ada = stage.browser(390, 844)
        host.openHomeAs(stage.base, "Quinn")
        val code = host.createQuiz(TWO_QUESTIONS, seconds = 20)
        ada.joinByLink(stage.base, code, "Ada")
        val adaId = ada.await("Ada's id") { ada.playerId }
        // A second player over the raw protocol, so that the room waits for someone while Ada reloads.
        TestClient.ws(stage.server.httpPort, "zed").use { zed ->
            zed.hello("Zed")
            zed.send("""{"type":"join","room":"$code"}""")
            zed.expect("room")
            host.await("Ada and Zed in the lobby") { host.playerEntries().keys == setOf("Quinn", "Ada", "Zed") }
            host.click("start")

            // Question 1: both answer, Ada right.
            zed.expect("question") { it.str("index") == "0" }
            ada.await("question 1 on Ada's page") { ada.screen() == "quiz-question" && ada.findAll("choice").size == 2 }
            ada.click("choice", "data-index" to 0)
            zed.send("""{"type":"answer","index":0,"choice":1}""")
            val revealed = host.awaitReveal(1)
            ada.await("Ada's right answer") { ada.find("feedback").getAttribute("data-correct") == "true" }
            val pointsAfterOne = ada.find("leaderboard-entry", "data-player-id" to adaId).scoreOf("leaderboard-score")
            pointsAfterOne shouldBeGreaterThan 0
            host.nextQuestionSoon(revealed)

            // Question 2 opens; Ada reloads before answering it.
            zed.expect("question", timeoutMs = 10_000) { it.str("index") == "1" }
            ada.await("question 2 on Ada's page") { ada.screen() == "quiz-question" && ada.find("question-text").text == "Is water wet?" }
            ada.refresh()
            ada.await("Ada's page back on question 2", seconds = 15) {
                ada.connected && ada.screen() == "quiz-question" && ada.find("question-text").text == "Is water wet?"
            }
            ada.playerId shouldBe adaId
            ada.findAll("answer-status").shouldBeEmpty()
            host.await("the host to count Ada among those who can answer") {
                host.find("answered-count").let { it.getAttribute("data-of") == "2" && it.getAttribute("data-answered") == "0" }
            }
            ada.screenshot("reload-03-quiz-after-reload-phone")

            // She answers (wrong, so her score must stay what it was), Zed too.
            ada.click("choice", "data-index" to 1)
            ada.await("Ada's answer to be taken") { ada.find("answer-status").text.contains("Answer sent") }
            zed.send("""{"type":"answer","index":1,"choice":0}""")
            ada.await("Ada's wrong answer") { ada.screen() == "quiz-reveal" && ada.find("feedback").getAttribute("data-correct") == "false" }
            ada.find("feedback").text shouldContain "with $pointsAfterOne points"
            ada.find("leaderboard-entry", "data-player-id" to adaId).scoreOf("leaderboard-score") shouldBe pointsAfterOne
            host.seeFinalResultsNow()
            host.find("leaderboard-entry", "data-player-id" to adaId).scoreOf("leaderboard-score") shouldBe pointsAfterOne
        }
        for (b in listOf(host, ada)) b.cspViolations().shouldBeEmpty()
    }
})

private val TWO_QUESTIONS = """
    [{"kind":"truefalse","text":"The sun is a star.","answer":[0]},
    {"kind":"truefalse","text":"Is water wet?","answer":[0]}]
""".trimIndent().replace("\n", " ")

/** The host presses "Pass turn" when it is his turn (he lets the other player find the pairs). */
private fun Browser.passIfOnTurn(hostId: String, otherId: String) {
    val turn = await("someone on turn") { turnOf() }
    if (turn == hostId) {
        click("skip")
        await("the turn to pass") { turnOf() == otherId }
    }
}
