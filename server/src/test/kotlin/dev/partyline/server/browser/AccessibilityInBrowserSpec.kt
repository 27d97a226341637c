package dev.partyline.server.browser

import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty

/**
 * axe-core finds no serious or critical WCAG 2.1 A/AA violation on any screen: home (with each
 * game's form open), sign in, My quizzes, the editor, the lobby, a quiz question and its reveal
 * (on a player's phone and the host's display), a memory board, and the podium.
 */
class AccessibilityInBrowserSpec : FunSpec({
    val stage = browserStage()

    fun Browser.shouldPassAxe(where: String) = withClue("axe on $where") { Axe.seriousViolations(this).shouldBeEmpty() }

    test("the home page, with each game's create form open") {
        val b = stage.browser()
        b.openHomeAs(stage.base, "Ada")
        b.shouldPassAxe("home")
        b.click("create-quiz")
        b.find("quiz-pack")
        b.shouldPassAxe("home with the quiz form")
        b.click("create-memory")
        b.find("memory-rows")
        b.shouldPassAxe("home with the memory form")
    }

    test("sign in, My quizzes and the editor") {
        val b = stage.browser(360, 740)
        b.open("${stage.base}/#/signin")
        b.awaitScreen("signin")
        b.shouldPassAxe("sign in")
        b.signUpAs(stage.base, "axehost")
        b.shouldPassAxe("My quizzes, empty")
        b.click("new-quiz")
        b.awaitScreen("editor")
        b.fillQuestion(1, EditedQuestion("single", "Which is a prime?", listOf("4", "7"), setOf(1)))
        b.awaitSaveStatus("All changes saved")
        b.shouldPassAxe("the editor")
        b.click("back-to-quizzes")
        b.await("the quiz in the list") { b.findAll("quiz-entry").size == 1 }
        b.shouldPassAxe("My quizzes with a quiz")
    }

    test("a quiz's lobby, question, reveal and podium, on the host's display and a player's phone") {
        val host = stage.browser()
        val phone = stage.browser(360, 740)
        host.openHomeAs(stage.base, "Quinn")
        val code = host.createQuiz("""[{"kind":"single","text":"Which is a prime?","choices":["4","7","9"],"answer":[1],"explanation":"7 has no divisors but 1 and 7."}]""", seconds = 30)
        phone.openHomeAs(stage.base, "Ada")
        phone.joinWithCode(code)
        host.await("Ada in the lobby") { "Ada" in host.playerEntries() }
        host.shouldPassAxe("the lobby (host)")
        phone.shouldPassAxe("the lobby (player)")
        host.click("start")
        phone.awaitQuestion(1)
        host.awaitQuestion(1)
        phone.shouldPassAxe("a question (player)")
        host.shouldPassAxe("a question (display)")
        phone.click("choice", "data-index" to 1)
        host.awaitReveal(1)
        phone.awaitReveal(1)
        phone.shouldPassAxe("the reveal (player)")
        host.shouldPassAxe("the reveal (display)")
        host.seeFinalResultsNow()
        phone.awaitScreen("game-over")
        host.shouldPassAxe("the podium (host)")
        phone.shouldPassAxe("the podium (player)")
    }

    test("a memory board") {
        val a = stage.browser()
        val b = stage.browser(360, 740)
        a.openHomeAs(stage.base, "Hana")
        val code = a.createMemory(rows = 2, cols = 4, mode = "turns")
        b.openHomeAs(stage.base, "Ivo")
        b.joinWithCode(code)
        a.await("Ivo in the lobby") { "Ivo" in a.playerEntries() }
        a.click("start")
        for (x in listOf(a, b)) x.awaitScreen("memory")
        a.shouldPassAxe("the memory board (1280)")
        b.shouldPassAxe("the memory board (360)")
    }
})
