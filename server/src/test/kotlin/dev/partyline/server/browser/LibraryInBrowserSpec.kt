package dev.partyline.server.browser

import dev.partyline.server.http.api.TestImages
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import org.openqa.selenium.Keys
import org.openqa.selenium.WindowType
import org.openqa.selenium.interactions.Actions
import java.io.File

/**
 * The library in real browsers: a host signs up, builds a quiz of every kind of question in the
 * editor, finds it again after a reload, edits it from two tabs, and hosts it for two phones.
 */
class LibraryInBrowserSpec : FunSpec({
    val stage = browserStage()

    test("a host builds a six-question quiz in the editor, reorders it, meets a conflict from a second tab, and hosts it to the podium") {
        val host = stage.browser(1280, 900)
        host.signUpAs(stage.base, "quizmaster")
        host.await("an empty list of my quizzes") { host.find("my-quizzes").text.contains("No quizzes yet") }

        // ---- a new quiz: not saved until its first question is complete ----
        host.click("new-quiz")
        host.awaitScreen("editor")
        host.awaitSaveStatus("Not saved yet")
        host.retype("quiz-title", "Planets and more")
        for (question in QUESTIONS.drop(1)) host.click("add-question")
        host.await("six question cards") { host.questionCards().size == 6 }
        QUESTIONS.forEachIndexed { i, question -> host.fillQuestion(i + 1, question) }
        host.awaitSaveStatus("All changes saved")

        // ---- a picture for question 1, uploaded from a file: previewed from the server once saved ----
        val picture = File.createTempFile("planet", ".png").apply { deleteOnExit(); writeBytes(TestImages.make("png", 320, 180, noisy = true)) }
        host.questionCards()[0].findElement(Browser.test("q-image-file")).sendKeys(picture.absolutePath)
        val imageSrc = host.await("the uploaded picture's preview") {
            host.questionCards()[0].findElements(Browser.test("q-image")).singleOrNull()?.getAttribute("src")?.takeIf { "/api/images/" in it }
        }
        host.questionCards()[0].findElement(Browser.test("q-image-status")).text shouldBe "Picture added."
        host.awaitSaveStatus("All changes saved")
        val quizId = host.await("the quiz's id in the address") { host.driver.currentUrl.substringAfter("#/quizzes/", "").takeIf { it.length > 10 } }
        host.js("window.scrollTo(0, 0)")
        host.screenshot("library-01-editor-1280")

        // A mistake is named as you type, and nothing is saved while it stands.
        val firstText = host.questionCards()[0].findElement(Browser.test("q-text"))
        firstText.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE)
        host.await("the card to name its problem") { host.questionCards()[0].findElement(Browser.test("q-problem")).text == "Write the question." }
        host.awaitSaveStatus("Not saved yet: question 1: Write the question.")
        firstText.sendKeys(QUESTIONS[0].text)
        host.awaitSaveStatus("All changes saved")

        // ---- reorder: by keyboard (Alt+↓ on the handle), then by dragging the handle ----
        host.questionCards()[0].findElement(Browser.test("q-handle")).sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN))
        host.await("question 1 to be second") { host.cardTexts()[1] == QUESTIONS[0].text }
        host.driver.switchTo().activeElement().getAttribute("data-test") shouldBe "q-handle" // the focus moved with it
        val second = host.questionCards()[1].findElement(Browser.test("q-handle"))
        Actions(host.driver).clickAndHold(second).moveByOffset(0, -host.questionCards()[0].size.height).release().perform()
        host.await("question 1 back on top") { host.cardTexts()[0] == QUESTIONS[0].text }
        host.awaitSaveStatus("All changes saved")

        // ---- a reload finds it, in My quizzes and in the editor ----
        host.refresh()
        host.awaitScreen("editor")
        host.await("the cards after the reload") { host.questionCards().size == QUESTIONS.size }
        host.cardTexts() shouldBe QUESTIONS.map { it.text }
        host.find("quiz-title").getAttribute("value") shouldBe "Planets and more"
        host.click("back-to-quizzes")
        host.awaitScreen("quizzes")
        val entry = host.await("the quiz in my list") { host.findAll("quiz-entry").singleOrNull() }
        entry.text shouldContain "Planets and more"
        entry.text shouldContain "6 questions"

        // ---- a second tab saves first; the first tab is told, and loads theirs ----
        host.open("${stage.base}/#/quizzes/$quizId")
        host.awaitScreen("editor")
        host.awaitSaveStatus("All changes saved")
        val firstTab = host.driver.windowHandle
        host.driver.switchTo().newWindow(WindowType.TAB)
        val secondTab = host.driver.windowHandle
        host.open("${stage.base}/#/quizzes/$quizId")
        host.awaitScreen("editor")
        host.await("the second tab's cards") { host.questionCards().size == 6 }
        host.retype("quiz-title", "Planets (second tab)")
        host.awaitSaveStatus("All changes saved")
        host.driver.switchTo().window(firstTab)
        host.retype("quiz-title", "Planets (first tab)")
        host.await("the conflict to be shown") { host.find("conflict").takeIf { it.isDisplayed }?.text?.contains("another tab") }
        host.screenshot("library-02-conflict")
        host.click("conflict-reload")
        host.await("their title after loading their version") { host.find("quiz-title").getAttribute("value") == "Planets (second tab)" }
        host.awaitSaveStatus("All changes saved")

        // ---- once more, and this time the first tab keeps its own ----
        host.driver.switchTo().window(secondTab)
        host.refresh()
        host.await("the second tab's reloaded cards") { host.questionCards().size == 6 }
        host.retype("quiz-title", "Planets (second again)")
        host.awaitSaveStatus("All changes saved")
        host.driver.switchTo().window(firstTab)
        host.retype("quiz-title", "Planets and more")
        host.await("the second conflict") { host.find("conflict").isDisplayed }
        host.click("conflict-keep")
        host.awaitSaveStatus("All changes saved")
        host.find("conflict").isDisplayed shouldBe false
        host.driver.switchTo().window(secondTab)
        host.refresh()
        host.await("the first tab's title, kept") { host.find("quiz-title").getAttribute("value") == "Planets and more" }
        host.driver.close()
        host.driver.switchTo().window(firstTab)

        // ---- hosted for two phones, played to the podium ----
        host.click("back-to-quizzes")
        host.awaitScreen("quizzes")
        host.click("quiz-host")
        val code = host.lobbyCode()
        val ada = stage.browser(360, 740)
        val bo = stage.browser(360, 740)
        ada.openHomeAs(stage.base, "Ada")
        ada.joinWithCode(code)
        bo.openHomeAs(stage.base, "Bo")
        bo.joinWithCode(code)
        host.await("two players in the lobby") { host.findAll("player").count { it.getAttribute("data-role") == "player" } == 2 }
        host.click("start")
        QUESTIONS.forEachIndexed { i, question ->
            for (b in listOf(host, ada, bo)) b.awaitQuestion(i + 1)
            ada.find("question-text").text shouldBe question.text
            if (i == 0) {
                // The picture is on the host's display and on the phones, loaded from the server.
                for (b in listOf(host, ada)) {
                    b.await("the question's picture to load") { b.js("const img = document.querySelector('[data-test=question-image]'); return Boolean(img && img.complete && img.naturalWidth === 320)") == true }
                    b.find("question-image").getAttribute("src") shouldBe imageSrc
                }
                host.screenshot("library-04-hosted-question-with-picture")
                ada.screenshot("library-05-phone-question-with-picture")
            }
            for (phone in listOf(ada, bo)) phone.answer(question, right = phone === ada)
            val revealed = host.awaitReveal(i + 1)
            question.explanation?.let { explanation -> ada.await("the explanation after the reveal") { ada.find("explanation").text.contains(explanation) } }
            if (i < QUESTIONS.lastIndex) host.nextQuestionSoon(revealed)
        }
        host.seeFinalResultsNow()
        for (b in listOf(ada, bo)) b.awaitScreen("game-over")
        ada.find("my-place").text shouldContain "You won"
        for (b in listOf(host, ada, bo)) b.cspViolations().shouldBeEmpty()
    }

    test("the editor at 360 px: every field is reachable and nothing is wider than the phone") {
        val phone = stage.browser(360, 740)
        phone.signUpAs(stage.base, "phonehost")
        phone.click("new-quiz")
        phone.awaitScreen("editor")
        phone.fillQuestion(1, QUESTIONS[0])
        phone.awaitSaveStatus("All changes saved")
        phone.js("return document.documentElement.scrollWidth") shouldBe 360L
        phone.js("window.scrollTo(0, 0)")
        phone.screenshot("library-03-editor-360")
    }

    test("importing a spreadsheet: a bad row is named by line and column, a good file opens in the editor") {
        val b = stage.browser()
        b.signUpAs(stage.base, "importer")
        val bad = File.createTempFile("capitals", ".csv").apply { deleteOnExit(); writeText("Capital of Italy?,Milan,Rome,,,,,20,2\nCapital of Peru?,Lima,Cusco,,,,,20,5\n") }
        b.find("import-file").sendKeys(bad.absolutePath)
        b.await("the import's problem, by line and column") { b.find("import-problem").text.takeIf { "Line 2" in it || "line 2" in it } }
            .let { it shouldContain "column I" }
        val good = File.createTempFile("capitals", ".csv").apply { deleteOnExit(); writeText("Capital of Italy?,Milan,Rome,,,,,20,2\nCapital of Peru?,Lima,Cusco,,,,,20,1\n") }
        b.find("import-file").sendKeys(good.absolutePath)
        b.awaitScreen("editor")
        b.await("the imported questions") { b.cardTexts() == listOf("Capital of Italy?", "Capital of Peru?") }
        b.find("quiz-title").getAttribute("value") shouldBe good.name.removeSuffix(".csv")
    }
})

/** The question texts of the editor's cards, in order. */
private fun Browser.cardTexts(): List<String> = questionCards().map { it.findElement(Browser.test("q-text")).getAttribute("value").orEmpty() }

/** On a phone: answers [question] rightly or wrongly, through the answer buttons or the typed field. */
private fun Browser.answer(question: EditedQuestion, right: Boolean) {
    when (question.kind) {
        "typed" -> {
            type("typed-answer", if (right) question.accept.first() else "no idea")
            click("submit-answer")
        }
        "multi" -> {
            val picks = if (right) question.correct else setOf(question.choices.indices.first { it !in question.correct })
            for (i in picks) {
                click("choice", "data-index" to i)
                await("choice $i to be pressed") { find("choice", "data-index" to i).getAttribute("aria-pressed") == "true" }
            }
            click("submit-answer")
        }
        else -> {
            val count = if (question.kind == "truefalse") 2 else question.choices.size
            click("choice", "data-index" to if (right) question.correct.single() else (0 until count).first { it !in question.correct })
        }
    }
    // The last to answer may see the reveal at once, in place of the acknowledgement.
    await("the answer to '${question.text}' to be taken") { screen() == "quiz-reveal" || find("answer-status").text.contains("Answer sent") }
}

private val QUESTIONS = listOf(
    EditedQuestion("single", "Which planet is known as the red planet?", listOf("Venus", "Mars", "Jupiter", "Saturn"), setOf(1), seconds = 30, explanation = "Iron oxide dust makes Mars look red."),
    EditedQuestion("multi", "Which of these are gas giants?", listOf("Jupiter", "Earth", "Saturn"), setOf(0, 2), seconds = 30),
    EditedQuestion("truefalse", "The Sun is a star.", correct = setOf(0), seconds = 30, points = 2000),
    EditedQuestion("typed", "What is the chemical symbol for gold?", accept = listOf("Au"), seconds = 30),
    EditedQuestion("single", "How many moons does Mars have?", listOf("None", "One", "Two"), setOf(2), seconds = 30, points = 0),
    EditedQuestion("multi", "Which are primary colours of light?", listOf("Red", "Yellow", "Green", "Blue"), setOf(0, 2, 3), seconds = 30),
)
