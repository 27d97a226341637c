package dev.partyline.server.browser

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import org.openqa.selenium.By

/**
 * A whole quiz in three real browsers: a presenting host and two players (one on a phone-sized
 * screen), from the home page to the podium, everything through what the pages show.
 */
class QuizInBrowserSpec : FunSpec({
    val stage = browserStage()

    test("a host and two players play a whole quiz of single, multi and typed questions through the pages") {
        val host = stage.browser()
        val ada = stage.browser()
        val bo = stage.browser(390, 844)

        // The host pastes three questions of their own and presents (does not play).
        host.openHomeAs(stage.base, "Quinn")
        host.screenshot("quiz-00-home")
        val code = host.createQuiz(QUESTIONS, seconds = 15) { host.screenshot("quiz-01-home-create-form") }
        host.find("host-badge").text shouldContain "presenting"

        // Ada follows the shared link: the code is filled in for her.
        ada.open("${stage.base}/join/$code")
        ada.awaitScreen("home")
        ada.find("join-code").getAttribute("value") shouldBe code
        ada.type("name-input", "Ada")
        ada.click("join-submit")
        ada.awaitScreen("lobby")

        // Bo, on his phone, types the code in by hand.
        bo.openHomeAs(stage.base, "Bo")
        bo.find("join-code").getAttribute("value") shouldBe ""
        bo.joinWithCode(code)

        val adaId = ada.await("Ada's player id") { ada.playerId }
        val boId = bo.await("Bo's player id") { bo.playerId }
        host.await("the lobby to list Ada and Bo as players") {
            host.findAll("player").filter { it.getAttribute("data-role") == "player" }
                .map { it.findElement(Browser.test("player-name")).text }.sorted() == listOf("Ada", "Bo")
        }
        host.playerEntries().keys shouldContainExactlyInAnyOrder listOf("Quinn", "Ada", "Bo")
        host.find("join-link").getAttribute("href") shouldBe "${stage.base}/join/$code"
        bo.await("Bo's lobby to list Ada") { "Ada" in bo.playerEntries() }
        bo.findAll("start").shouldBeEmpty()
        host.screenshot("quiz-02-lobby-host")

        host.click("start")

        // ---- question 1 (single): Ada is right, Bo is wrong ----
        for (b in listOf(host, ada, bo)) b.awaitScreen("quiz-question")
        host.find("question-text").text shouldBe "How many legs does a spider have?"
        host.findAll("display-choice").map { it.getAttribute("data-index") } shouldContainExactly listOf("0", "1", "2", "3")
        host.findAll("choice").shouldBeEmpty()
        bo.find("question-text").text shouldBe "How many legs does a spider have?"

        ada.click("choice", "data-index" to 1)
        ada.await("Ada's answer to be acknowledged") { ada.find("answer-status").text.contains("Answer sent") }
        host.await("the host to count one answer of two") {
            host.find("answered-count").let { it.getAttribute("data-answered") == "1" && it.getAttribute("data-of") == "2" }
        }
        host.find("answered-count").text shouldBe "1 / 2 answered"
        host.screenshot("quiz-03-question-host-display")
        bo.screenshot("quiz-04-question-player-phone")

        bo.click("choice", "data-index" to 0)
        val reveal1 = host.awaitReveal(questionNumber = 1)
        host.find("distribution", "data-index" to 1).getAttribute("data-correct") shouldBe "true"
        host.find("distribution", "data-index" to 0).getAttribute("data-correct") shouldBe "false"
        host.find("distribution", "data-index" to 1).text shouldContain "1 vote"
        host.find("distribution", "data-index" to 0).text shouldContain "1 vote"
        host.find("distribution", "data-index" to 2).text shouldContain "0 votes"
        ada.awaitFeedback(correct = true)
        bo.awaitFeedback(correct = false)
        host.leaderboardIds() shouldContainExactly listOf(adaId, boId)
        host.screenshot("quiz-05-reveal-host")
        bo.screenshot("quiz-06-reveal-player-phone")
        host.nextQuestionSoon(reveal1)

        // ---- question 2 (multi): both pick exactly the two primes ----
        for (b in listOf(host, ada, bo)) b.awaitQuestion(2)
        for (b in listOf(ada, bo)) {
            b.click("choice", "data-index" to 0)
            b.await("choice 0 to be pressed") { b.find("choice", "data-index" to 0).getAttribute("aria-pressed") == "true" }
            b.click("choice", "data-index" to 2)
            b.await("choice 2 to be pressed") { b.find("choice", "data-index" to 2).getAttribute("aria-pressed") == "true" }
            b.find("submit-answer").text shouldBe "Submit 2 answers"
            b.click("submit-answer")
        }
        val reveal2 = host.awaitReveal(questionNumber = 2)
        host.findAll("distribution").filter { it.getAttribute("data-correct") == "true" }.map { it.getAttribute("data-index") } shouldContainExactly
            listOf("0", "2")
        ada.awaitFeedback(correct = true)
        bo.awaitFeedback(correct = true)
        host.nextQuestionSoon(reveal2)

        // ---- question 3 (typed): Ada's "au" is accepted whatever its case, Bo's "Ag" is not ----
        for (b in listOf(host, ada, bo)) b.awaitQuestion(3)
        host.findAll("display-choice").shouldBeEmpty()
        ada.type("typed-answer", "au")
        ada.click("submit-answer")
        bo.type("typed-answer", "Ag")
        bo.click("submit-answer")
        host.awaitReveal(questionNumber = 3)
        host.await("the final results badge") { host.driver.findElement(By.className("phase-badge")).text == "Final results" }
        host.driver.findElement(By.className("accepted")).text shouldContain "Au"
        ada.awaitFeedback(correct = true)
        bo.awaitFeedback(correct = false)

        // ---- the podium: the host skips the hold, the players get there on their own ----
        host.click("show-podium")
        host.awaitScreen("game-over")
        for (b in listOf(ada, bo)) b.awaitScreen("game-over", seconds = 10)
        for (b in listOf(host, ada, bo)) {
            val podium = b.findAll("podium-entry")
            podium.map { it.getAttribute("data-player-id") } shouldContainExactly listOf(adaId, boId)
            podium.map { it.getAttribute("data-rank") } shouldContainExactly listOf("1", "2")
            podium[0].findElement(By.className("podium-name")).text shouldBe "Ada"
        }
        ada.find("my-place").text shouldStartWith "🎉 You won with"
        bo.find("my-place").text shouldStartWith "You finished 2nd with"
        host.findAll("my-place").shouldBeEmpty()
        val finalScores = host.findAll("leaderboard-entry").associate { it.getAttribute("data-player-id") to it.scoreOf("leaderboard-score") }
        (finalScores.getValue(adaId) > finalScores.getValue(boId)) shouldBe true
        host.screenshot("quiz-07-podium-host")
        ada.screenshot("quiz-08-podium-winner")

        for (b in listOf(host, ada, bo)) b.cspViolations().shouldBeEmpty()
    }

    test("the presenting screen's reveal leaderboard shows the players' names in full on a 1280 x 720 projector") {
        val host = stage.browser(1280, 720)
        val ada = stage.browser(390, 844)
        host.startQuizWith(stage.base, "Quinn", ada, "Ada", QUESTIONS, seconds = 15)
        ada.awaitQuestion(1)
        ada.click("choice", "data-index" to 1)
        host.awaitReveal(1)
        ada.awaitFeedback(correct = true)
        host.screenshot("quiz-09-reveal-projector-names")
        val cut = host.js(
            """return [...document.querySelectorAll('.leaderboard-name')]
                .filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent)""",
        )
        cut shouldBe emptyList<String>()
    }

    test("the host adds bots from the lobby: they show a bot badge, one is removed again, and the other answers the question") {
        val host = stage.browser()
        host.openHomeAs(stage.base, "Quinn")
        host.createQuiz("""[{"kind":"single","text":"Which port does plain HTTP use?","choices":["21","80","443"],"answer":[1]}]""", seconds = 15)
        host.select("bot-skill", "1")
        host.click("add-bot")
        host.await("the first bot in the list") { host.findAll("bot-badge").size == 1 }
        host.click("add-bot")
        host.await("the second bot in the list") { host.findAll("bot-badge").size == 2 }
        host.playerEntries().keys shouldContainExactlyInAnyOrder listOf("Quinn", "Bot 1", "Bot 2")
        host.screenshot("quiz-20-lobby-bots")
        host.findAll("kick").shouldBeEmpty() // the server's bots are removed with remove_bot, not kicked

        host.click("remove-bot", "data-player-id" to host.playerEntries().getValue("Bot 1").getAttribute("data-player-id")!!)
        host.await("Bot 1 to be gone") { host.playerEntries().keys == setOf("Quinn", "Bot 2") }
        val botId = host.playerEntries().getValue("Bot 2").getAttribute("data-player-id")!!

        host.click("start")
        host.awaitScreen("quiz-question")
        host.awaitReveal(1) // the only player, a bot, answered: the question closes before its 15 s
        host.seeFinalResultsNow()
        host.findAll("leaderboard-entry").map { it.getAttribute("data-player-id") } shouldContainExactly listOf(botId)
    }
})

/** Three questions whose answers the players know: single (1), multi (0 and 2), typed ("Au"). */
private val QUESTIONS = """
    [{"kind":"single","text":"How many legs does a spider have?","choices":["6","8","10","12"],"answer":[1]},
    {"kind":"multi","text":"Which of these are prime numbers?","choices":["2","4","7","9"],"answer":[0,2]},
    {"kind":"typed","text":"What is the chemical symbol for gold?","accept":["Au"]}]
""".trimIndent().replace("\n", " ")

private fun Browser.leaderboardIds(): List<String> = findAll("leaderboard-entry").map { it.getAttribute("data-player-id")!! }
