package dev.partyline.server.browser

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import org.openqa.selenium.Keys
import org.openqa.selenium.interactions.Actions

/** Playing without a mouse, and the biggest memory board on a small phone. */
class KeyboardAndPhoneInBrowserSpec : FunSpec({
    val stage = browserStage()

    test("a host who plays answers a single, a multi and a typed question with the keyboard alone: number keys, Tab and Enter") {
        val b = stage.browser()
        b.openHomeAs(stage.base, "Kim")
        b.createQuiz(QUESTIONS, seconds = 15, hostPlays = true)
        b.find("host-badge").text shouldBe "👑 host"
        b.click("start")

        // Single: the key 2 presses the second choice.
        b.awaitQuestion(1)
        b.keys("2")
        val revealed = b.awaitReveal(1)
        b.find("feedback").getAttribute("data-correct") shouldBe "true"
        b.find("distribution", "data-index" to 1).text.contains("your answer") shouldBe true
        b.nextQuestionSoon(revealed)

        // Multi: keys 1 and 3 toggle two choices, Tab reaches the submit button, Enter sends.
        b.awaitQuestion(2)
        b.keys("1")
        b.await("choice 1 pressed") { b.find("choice", "data-index" to 0).getAttribute("aria-pressed") == "true" }
        b.keys("3")
        b.await("choice 3 pressed") { b.find("choice", "data-index" to 2).getAttribute("aria-pressed") == "true" }
        b.find("choice", "data-index" to 1).getAttribute("aria-pressed") shouldBe "false"
        b.tabTo("submit-answer")
        b.keys(Keys.ENTER)
        val revealed2 = b.awaitReveal(2)
        b.find("feedback").getAttribute("data-correct") shouldBe "true"
        b.nextQuestionSoon(revealed2)

        // Typed: the answer field has the focus as the question opens; Enter submits.
        b.awaitQuestion(3)
        b.await("the answer field to have the focus") { b.js("return document.activeElement.dataset.test") == "typed-answer" }
        b.keys("aU", Keys.ENTER)
        b.awaitReveal(3)
        b.find("feedback").getAttribute("data-correct") shouldBe "true"

        // The final results button, by keyboard too.
        b.tabTo("show-podium")
        b.keys(Keys.ENTER)
        b.awaitScreen("game-over", seconds = 2) // sooner than the 4 s the final reveal is otherwise held
        b.find("my-place").text shouldStartWith "🎉 You won with"
        b.cspViolations().shouldBeEmpty()
    }

    test("an 8x8 memory board fits a 360 px wide phone: no sideways scrolling, 64 cards big enough to tap") {
        val phone = stage.browser(360, 740)
        phone.openHomeAs(stage.base, "Pip")
        phone.createMemory(rows = 8, cols = 8, mode = "turns")
        phone.click("start")
        phone.awaitScreen("memory")
        phone.await("64 cards") { phone.findAll("card").size == 64 }
        val table = MemoryTable(cards = 64)
        table.flip(phone, 0)
        table.flip(phone, 63)
        phone.screenshot("phone-01-memory-8x8-360px")

        phone.js("return document.documentElement.scrollWidth") shouldBe 360L
        val cards = phone.findAll("card")
        cards shouldHaveSize 64
        for (card in cards) {
            val box = card.rect
            box.x shouldBeGreaterThanOrEqual 0
            (box.x + box.width) shouldBeLessThanOrEqual 360
            box.width shouldBeGreaterThanOrEqual 24
            box.height shouldBeGreaterThanOrEqual 24
        }
        phone.cspViolations().shouldBeEmpty()
    }

    test("on a 360 px wide phone in a room, the top bar still shows your own short name") {
        val phone = stage.browser(360, 740)
        phone.openHomeAs(stage.base, "Pip")
        phone.createMemory(rows = 2, cols = 2, mode = "turns")
        phone.screenshot("phone-02-lobby-topbar-360px")
        phone.find("me").text shouldBe "Pip"
        phone.js("const me = document.querySelector('[data-test=me]'); return me.scrollWidth <= me.clientWidth") shouldBe true
    }
})

private val QUESTIONS = """
    [{"kind":"single","text":"How many legs does a spider have?","choices":["6","8","10","12"],"answer":[1]},
    {"kind":"multi","text":"Which of these are prime numbers?","choices":["2","4","7","9"],"answer":[0,2]},
    {"kind":"typed","text":"What is the chemical symbol for gold?","accept":["Au"]}]
""".trimIndent().replace("\n", " ")

/** Types keys into whatever has the focus, as a person at the keyboard would. */
private fun Browser.keys(vararg keys: CharSequence) = Actions(driver).sendKeys(*keys).perform()

/** Presses Tab until the element with `data-test` [hook] has the focus (at most 40 times). */
private fun Browser.tabTo(hook: String) {
    repeat(40) {
        if (js("return document.activeElement && document.activeElement.dataset.test") == hook) return
        keys(Keys.TAB)
    }
    error("Tab never reached $hook")
}
