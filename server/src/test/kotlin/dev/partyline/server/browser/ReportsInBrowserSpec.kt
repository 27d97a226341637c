package dev.partyline.server.browser

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.await
import dev.partyline.server.e2e.type
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.str
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldMatch
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import org.openqa.selenium.By
import org.openqa.selenium.WebElement
import org.openqa.selenium.WindowType

/**
 * The Reports screens in real browsers: a signed-in host's quiz, played by three socket players
 * (one a bot) with known answers, is reported with game_over's standings, the hardest question,
 * each question's distribution and everyone's answers, and is listed under Reports; an anonymous
 * host's game-over link opens its report with the capability key in any browser, and nowhere
 * without it.
 */
class ReportsInBrowserSpec : FunSpec({
    val stage = browserStage()

    fun Browser.shouldPassAxe(where: String) = withClue("axe on $where") { Axe.seriousViolations(this).shouldBeEmpty() }

    /** A socket player named [name] in room [code]; returns it with its player id. */
    suspend fun player(name: String, code: String, bot: Boolean = false): Pair<TestClient, String> {
        val client = TestClient.ws(stage.server.httpPort, name)
        val id = client.hello(name, bot).str("player")
        client.send("""{"type":"join","room":"$code"}""")
        client.expect("room")
        return client to id
    }

    test("a signed-in host's quiz: the link on game over, standings equal to game_over's, the hardest question, distributions, answers, and the Reports list") {
        val host = stage.browser()
        host.signUpAs(stage.base, "reporter")
        host.openHomeAs(stage.base, "Quinn")
        val code = host.createQuiz(QUESTIONS, seconds = 30)
        val (ada, adaId) = player("Ada", code)
        val (bo, boId) = player(BO, code)
        val (robo, roboId) = player("Robo", code, bot = true)
        val players = listOf(ada to adaId, bo to boId, robo to roboId)
        try {
            host.await("three players in the lobby") { host.findAll("player").count { it.getAttribute("data-role") == "player" } == 3 }
            host.click("start")

            // Each question: everyone answers as ANSWERS says; the reveal's points are what the report must show.
            val points = ANSWERS.mapIndexed { i, answers ->
                players.forEachIndexed { p, (client, _) ->
                    client.expect("question", 15_000).int("index") shouldBe i
                    client.send("""{"type":"answer","index":$i,${answers[p]}}""")
                }
                val reveal = ada.expect("reveal", 10_000)
                val revealed = host.awaitReveal(i + 1)
                if (i < ANSWERS.lastIndex) host.nextQuestionSoon(revealed)
                reveal["results"]!!.jsonArray.associate { it.jsonObject.str("player") to it.jsonObject.int("points") }
            }
            val over = ada.expect("game_over", 10_000)
            over["report"].let { it == null || it == JsonNull } shouldBe true // only the room's creator is given the report
            val leaderboard = over["leaderboard"]!!.jsonArray.map { it.jsonObject.let { e -> Triple(e.str("player"), e.str("rank"), e.str("score")) } }

            // ---- game over: the creator's link, to this page's own report route ----
            host.seeFinalResultsNow()
            val link = host.await("the report link") { host.find("open-report").getAttribute("href") }
            link shouldMatch Regex(".*/#/games/[A-Za-z0-9_-]{22}")
            val gameId = link.substringAfterLast("/")
            host.scrollToShoot("open-report", "reports-01-game-over-link")
            host.click("open-report")
            host.awaitReport()
            host.findAll("leave").shouldBeEmpty() // out of the room

            // ---- summary, standings ----
            host.find("report-title").text shouldBe "Quiz"
            host.find("report-room").text shouldBe code
            host.find("report-players").text shouldBe "3 (1 bot)"
            host.find("report-questions").text shouldBe "4"
            host.find("report-length").text shouldMatch Regex("\\d+ s|\\d+ min \\d+ s")
            val rows = host.findAll("report-player")
            rows.map { Triple(it.getAttribute("data-player-id"), it.getAttribute("data-rank"), it.cell("report-score").text) } shouldContainExactly leaderboard
            host.find("podium-entry", "data-rank" to 1).getAttribute("data-player-id") shouldBe leaderboard.first().first
            val row = rows.associateBy { it.getAttribute("data-player-id") }
            row.getValue(adaId).cell("report-right-answers").text shouldBe "4 of 4"
            row.getValue(boId).cell("report-right-answers").text shouldBe "1 of 4"
            row.getValue(roboId).cell("report-right-answers").text shouldBe "2 of 4"
            row.getValue(roboId).getAttribute("data-bot") shouldBe "true"
            row.getValue(roboId).cell("report-bot").text shouldContain "bot"
            row.getValue(adaId).findElements(Browser.test("report-bot")).shouldBeEmpty()
            // A name made of HTML is text: the cell holds the literal string and no element.
            row.getValue(boId).findElement(By.tagName("th")).let { cell ->
                cell.text shouldBe BO
                cell.findElements(By.tagName("b")).shouldBeEmpty()
            }

            // ---- the hardest question: the multi one, right for Ada alone; its button takes the focus there ----
            val hardest = host.find("report-hardest")
            hardest.getAttribute("data-index") shouldBe "1"
            hardest.text shouldContain MULTI_TEXT
            hardest.text shouldContain "1 of 3 players got it right."
            hardest.findElement(By.tagName("button")).click()
            host.await("the focus on question 2") { host.js("return document.activeElement.dataset.index") == "1" }

            // ---- each question: its text, right answer, distribution and everyone's answers ----
            val questions = host.findAll("report-question")
            questions.map { it.cell("report-question-text").text } shouldBe listOf(SINGLE_TEXT, MULTI_TEXT, TYPED_TEXT, TF_TEXT)
            questions.map { it.cell("report-correct").text } shouldBe listOf("Right answer: Mars", "Right answer: Jupiter, Saturn", "Accepted: Au", "Right answer: True")
            questions[1].findElements(By.tagName("b")).map { it.text } shouldBe listOf("Right answer:") // the question's own <b> is text
            questions.map { it.cell("report-right").text } shouldBe listOf("2 of 3 players got it right.", "1 of 3 players got it right.", "2 of 3 players got it right.", "2 of 3 players got it right.")
            questions.map { q -> q.findElements(Browser.test("report-choice")).map { it.getAttribute("data-count")!!.toInt() } } shouldBe
                listOf(listOf(1, 2, 0), listOf(2, 1, 1), emptyList(), listOf(2, 1))
            questions[0].findElements(Browser.test("report-choice")).map { it.text.replace("\n", " ") } shouldBe
                listOf("Venus 1 vote · 33%", "Mars ✓ right answer 2 votes · 67%", "Jupiter 0 votes · 0%")
            questions[1].findElements(Browser.test("report-choice")).map { it.getAttribute("data-correct") } shouldBe listOf("true", "false", "true")
            WORDS.forEachIndexed { i, words ->
                players.forEachIndexed { p, (_, id) ->
                    val answer = questions[i].findElement(Browser.test("report-answer", "data-player-id" to id))
                    withClue("question ${i + 1}, player ${p + 1}") {
                        answer.cell("answer-text").text shouldBe words[p]
                        answer.cell("answer-verdict").text shouldBe if (RIGHT[i][p]) "✓ right" else "✗ wrong"
                        answer.getAttribute("data-correct") shouldBe RIGHT[i][p].toString()
                        answer.cell("answer-points").text shouldBe points[i].getValue(id).toString()
                        answer.cell("answer-time").text shouldMatch Regex("\\d+\\.\\d s")
                    }
                }
            }

            // ---- its files, as the links give them ----
            for (kind in listOf("csv", "xlsx", "replay")) {
                val href = host.find("download-$kind").getAttribute("href")!!
                href shouldContain "/api/games/$gameId/"
                withClue(kind) { host.fetchStatus(href) shouldBe 200L }
            }
            host.js("window.scrollTo(0, 0)")
            host.screenshot("reports-02-report-1280-top")
            host.scrollToShoot("report-hardest", "reports-03-report-1280-hardest")
            host.scrollToShoot("report-question", "reports-04-report-1280-question")
            host.shouldPassAxe("the report (1280)")

            // ---- Reports, from the account nav: the game, finished, opening its report ----
            host.click("nav-games")
            host.awaitScreen("games")
            val entry = host.await("the game in Reports") { host.findAll("game-entry").singleOrNull() }
            entry.getAttribute("data-id") shouldBe gameId
            entry.text shouldContain "Quiz"
            entry.text shouldContain "room $code"
            entry.text shouldContain "3 players"
            entry.cell("game-state").getAttribute("data-state") shouldBe "finished"
            host.screenshot("reports-05-list-1280")
            host.shouldPassAxe("Reports")
            entry.cell("game-open").click()
            host.awaitReport()
            host.find("report-title").text shouldBe "Quiz"
            host.click("back-to-games")
            host.awaitScreen("games")
            host.cspViolations().shouldBeEmpty()
        } finally {
            players.forEach { it.first.close() }
        }
    }

    test("an anonymous host's game-over link opens the report with its key, in any browser; without the key it is nobody's") {
        val host = stage.browser()
        host.openHomeAs(stage.base, "Ann")
        val code = host.createQuiz("""[{"kind":"single","text":"Which is a prime?","choices":["4","7","9"],"answer":[1]}]""", seconds = 30)
        val (cy, cyId) = player("Cy", code)
        cy.use {
            host.await("Cy in the lobby") { "Cy" in host.playerEntries() }
            host.click("start")
            cy.expect("question", 10_000)
            cy.send("""{"type":"answer","index":0,"choice":2}""")
            cy.expect("game_over", 10_000)["report"].let { it == null || it == JsonNull } shouldBe true
            host.seeFinalResultsNow()
        }
        val link = host.await("the report link") { host.find("open-report").getAttribute("href") }
        link shouldMatch Regex(".*/#/games/[A-Za-z0-9_-]{22}\\?key=[A-Za-z0-9_-]{22}")
        val hash = "#" + link.substringAfter("#")
        host.click("open-report")
        host.awaitReport()
        host.findAll("back-to-games").shouldBeEmpty() // no account, no list
        host.find("report-title").text shouldBe "Quiz"
        host.find("report-answer", "data-player-id" to cyId).cell("answer-text").text shouldBe "9"
        host.find("report-hardest").getAttribute("data-index") shouldBe "0"
        for (kind in listOf("csv", "xlsx", "replay")) {
            val href = host.find("download-$kind").getAttribute("href")!!
            href shouldContain "?key="
            withClue(kind) { host.fetchStatus(href) shouldBe 200L }
        }

        // A phone with no account and no session opens the same link.
        val phone = stage.browser(360, 740)
        phone.open("${stage.base}/$hash")
        phone.awaitReport()
        phone.find("report-player", "data-player-id" to cyId).getAttribute("data-rank") shouldBe "1"
        phone.js("return document.documentElement.scrollWidth") shouldBe 360L
        phone.screenshot("reports-06-report-360-top")
        phone.scrollToShoot("report-question", "reports-07-report-360-question")
        phone.shouldPassAxe("the report (360)")

        // Without its key the game is nobody's; Reports asks to sign in.
        phone.open("${stage.base}/#/games/${link.substringAfterLast("/").substringBefore("?")}")
        phone.await("the report to be refused") { phone.find("report-problem").text.takeIf { it.contains("no such game") } }
        phone.open("${stage.base}/#/games")
        phone.awaitScreen("games")
        phone.await("the sign-in link") { phone.find("go-sign-in").isDisplayed }
        phone.screenshot("reports-08-list-signed-out-360")
        for (b in listOf(host, phone)) b.cspViolations().shouldBeEmpty()
    }

    test("a signed-in host's memory game: its report followed from another tab while it runs, then each player's pairs, flips and turns") {
        val host = stage.browser()
        host.signUpAs(stage.base, "cardsharp")
        host.openHomeAs(stage.base, "Hana")
        val code = host.createMemory(rows = 2, cols = 4, mode = "turns")
        val (ivo, ivoId) = player("Ivo", code)
        ivo.use {
            host.await("Ivo in the lobby") { "Ivo" in host.playerEntries() }
            host.click("start")
            host.awaitScreen("memory")
            val hanaId = host.await("Hana's player id") { host.playerId }
            // The host, first on turn, turns two cards over; then ends the game.
            host.click("card", "data-index" to 0)
            ivo.expect("flipped", 10_000)
            host.click("card", "data-index" to 1)
            ivo.await(10_000) { it.type == "match" || it.type == "miss" }

            // A second tab (the account's cookie, no seat) finds the game running under Reports, and opens its report.
            val roomTab = host.driver.windowHandle
            host.driver.switchTo().newWindow(WindowType.TAB)
            val reportTab = host.driver.windowHandle
            host.open("${stage.base}/#/games")
            host.awaitScreen("games")
            val entry = host.await("the running game in Reports") { host.findAll("game-entry").singleOrNull() }
            entry.cell("game-state").getAttribute("data-state") shouldBe "running"
            entry.cell("game-open").click()
            host.awaitScreen("report")
            host.await("the report of the running game") { host.find("report-status").getAttribute("data-state") == "running" }
            host.find("report-length").text shouldBe "still running"
            host.screenshot("reports-10-running-1280")

            // The game ends in the first tab; the report's tab follows by itself.
            host.driver.switchTo().window(roomTab)
            host.click("end")
            val over = ivo.expect("game_over", 10_000)
            val leaderboard = over["leaderboard"]!!.jsonArray.map { it.jsonObject.let { e -> Triple(e.str("player"), e.str("rank"), e.str("score")) } }
            host.awaitScreen("game-over")
            host.driver.switchTo().window(reportTab)
            host.awaitReport()
            host.driver.close()
            host.driver.switchTo().window(roomTab)
            host.click("open-report")
            host.awaitReport()
            host.find("report-title").text shouldBe "Memory 2 × 4"
            host.find("report-board").text shouldBe "2 × 4, 4 pairs, taking turns"
            host.findAll("report-questions").shouldBeEmpty()
            host.findAll("report-hardest").shouldBeEmpty()
            val rows = host.findAll("report-player")
            rows.map { Triple(it.getAttribute("data-player-id"), it.getAttribute("data-rank"), it.cell("report-score").text) } shouldContainExactly leaderboard
            val flips = rows.associate { it.getAttribute("data-player-id") to it.cell("report-flips").text }
            flips.getValue(ivoId) shouldBe "0"
            flips.getValue(hanaId) shouldBe "2"
            rows.forEach { it.cell("report-turns").text shouldMatch Regex("\\d+") }
            host.screenshot("reports-09-memory-report-1280")
            host.shouldPassAxe("a memory report")
        }
    }
})

private fun WebElement.cell(hook: String): WebElement = findElement(Browser.test(hook))

/** The report screen, once its game is reported as finished (the journal is written a moment after game_over). */
private fun Browser.awaitReport() {
    awaitScreen("report")
    await("the report of a finished game") { find("report-status").getAttribute("data-state") == "finished" }
}

/** The HTTP status of a GET of [url] from the page (its cookies and all). */
private fun Browser.fetchStatus(url: String): Long =
    driver.executeAsyncScript("const done = arguments[arguments.length - 1]; fetch(arguments[0]).then((r) => done(r.status), () => done(0));", url) as Long

/** Scrolls the first [hook] to the top of the viewport and takes a screenshot named [name]. */
private fun Browser.scrollToShoot(hook: String, name: String) {
    js("arguments[0].scrollIntoView({ block: 'start' })", find(hook))
    screenshot(name)
}

private const val BO = "<b>Bo</b>"
private const val SINGLE_TEXT = "Which planet is known as the red planet?"
private const val MULTI_TEXT = "Which are gas giants? <b>not bold</b>"
private const val TYPED_TEXT = "What is the chemical symbol for gold?"
private const val TF_TEXT = "The Sun is a star."

private val QUESTIONS = """[
  {"kind":"single","text":"$SINGLE_TEXT","choices":["Venus","Mars","Jupiter"],"answer":[1]},
  {"kind":"multi","text":"$MULTI_TEXT","choices":["Jupiter","Earth","Saturn"],"answer":[0,2]},
  {"kind":"typed","text":"$TYPED_TEXT","accept":["Au"]},
  {"kind":"truefalse","text":"$TF_TEXT","answer":[0]}
]"""

/** What Ada, Bo and Robo send to each question. */
private val ANSWERS = listOf(
    listOf(""""choice":1""", """"choice":0""", """"choice":1"""),
    listOf(""""choices":[0,2]""", """"choices":[0]""", """"choices":[1]"""),
    listOf(""""text":"Au"""", """"text":"Ag"""", """"text":"au""""),
    listOf(""""choice":0""", """"choice":0""", """"choice":1"""),
)

/** Their answers in words, as the report shows them. */
private val WORDS = listOf(
    listOf("Mars", "Venus", "Mars"),
    listOf("Jupiter, Saturn", "Jupiter", "Earth"),
    listOf("Au", "Ag", "au"),
    listOf("True", "True", "False"),
)

private val RIGHT = listOf(
    listOf(true, false, true),
    listOf(true, false, false),
    listOf(true, false, true),
    listOf(true, true, false),
)
