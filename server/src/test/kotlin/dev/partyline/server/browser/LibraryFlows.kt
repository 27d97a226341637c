package dev.partyline.server.browser

import org.openqa.selenium.By
import org.openqa.selenium.Keys
import org.openqa.selenium.WebElement
import org.openqa.selenium.support.ui.Select

// What a host does in the library, step by step through the UI: sign up, make and edit quizzes.

/** Opens the sign-in page and makes the account [name]; returns on My quizzes. */
fun Browser.signUpAs(base: String, name: String, password: String = "a long enough password") {
    open("$base/#/signin")
    awaitScreen("signin")
    type("account-name", name)
    type("account-password", password)
    click("sign-up")
    awaitScreen("quizzes")
}

/** The save status line of the editor, once it says [text] (e.g. "All changes saved"). */
fun Browser.awaitSaveStatus(text: String, seconds: Long = 10) =
    await("the save status to say '$text'", seconds) { find("save-status").text.takeIf { it.contains(text) } }

/** The editor's question cards, in order. */
fun Browser.questionCards(): List<WebElement> = findAll("question-card")

/** A question as typed into the editor. */
data class EditedQuestion(
    val kind: String,
    val text: String,
    val choices: List<String> = emptyList(),
    val correct: Set<Int> = emptySet(),
    val accept: List<String> = emptyList(),
    val seconds: Int? = null,
    val points: Int? = null,
    val explanation: String? = null,
)

/** Fills the [number]th card (1-based) with [question], through its fields. */
fun Browser.fillQuestion(number: Int, question: EditedQuestion) {
    fun card() = questionCards()[number - 1]
    fun inCard(hook: String) = card().findElement(Browser.test(hook))
    Select(inCard("q-kind")).selectByValue(question.kind)
    inCard("q-text").apply { clear(); sendKeys(question.text) }
    when (question.kind) {
        "typed" -> inCard("q-accept").apply { clear(); sendKeys(question.accept.joinToString("\n")) }
        "truefalse" -> card().findElements(By.cssSelector("input[type=radio]"))[question.correct.single()].click()
        else -> {
            while (card().findElements(Browser.test("q-choice")).size < question.choices.size) inCard("q-add-choice").click()
            question.choices.forEachIndexed { i, choice ->
                card().findElements(Browser.test("q-choice"))[i].apply { clear(); sendKeys(choice) }
                val box = card().findElements(Browser.test("q-correct"))[i]
                if (box.isSelected != (i in question.correct)) box.click()
            }
        }
    }
    question.seconds?.let { s -> inCard("q-seconds").apply { clear(); sendKeys(s.toString()) } }
    question.points?.let { p -> Select(inCard("q-points")).selectByValue(p.toString()) }
    question.explanation?.let { e -> inCard("q-explanation").apply { clear(); sendKeys(e) } }
}

/** Replaces the text of [hook]'s field with [text] by selecting all and typing over it (as a person does; fires input events). */
fun Browser.retype(hook: String, text: String) {
    val input = find(hook)
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text)
}
