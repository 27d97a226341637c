package dev.partyline.server.browser

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldEndWith

/**
 * A question's picture and explanation in real browsers: the presenting host and a player on a
 * 360 px phone both show the picture with the question, and the explanation under the answer
 * once it is revealed, never before.
 */
class QuizMediaInBrowserSpec : FunSpec({
    val stage = browserStage()

    test("the host's display and a phone show the question's picture, and its explanation after the reveal") {
        val host = stage.browser()
        val phone = stage.browser(360, 740)

        host.startQuizWith(stage.base, "Quinn", phone, "Pia", QUESTIONS, seconds = 30)

        for (b in listOf(host, phone)) {
            b.awaitQuestion(1)
            val img = b.find("question-image")
            img.getAttribute("src") shouldEndWith "/api/images/$IMAGE"
            img.getAttribute("alt") shouldBe "Picture for question 1"
            img.getAttribute("loading") shouldBe "eager"
            b.findAll("explanation").shouldBeEmpty()
        }
        phone.js("return document.documentElement.scrollWidth <= window.innerWidth") shouldBe true
        // The image route is another branch's: a stand-in picture of the same URL's kind of size, for the screenshots only.
        for (b in listOf(host, phone)) b.js("arguments[0].src = arguments[1]", b.find("question-image"), STAND_IN)
        host.screenshot("quizmedia-question-host-1280")
        phone.screenshot("quizmedia-question-phone-360")
        phone.js("return document.documentElement.scrollWidth <= window.innerWidth") shouldBe true

        phone.click("choice", "data-index" to 1)
        host.awaitReveal(questionNumber = 1)
        phone.awaitFeedback(correct = true)
        for (b in listOf(host, phone)) {
            val explanation = b.await("the explanation") { b.findAll("explanation").singleOrNull() }
            explanation.text shouldBe "💡 Why\n$EXPLANATION"
        }
        phone.js("return document.documentElement.scrollWidth <= window.innerWidth") shouldBe true
        host.screenshot("quizmedia-reveal-host-1280")
        phone.screenshot("quizmedia-reveal-phone-360")

        // The next question has neither.
        host.click("skip")
        for (b in listOf(host, phone)) {
            b.awaitQuestion(2)
            b.findAll("question-image").shouldBeEmpty()
            b.findAll("explanation").shouldBeEmpty()
        }
        host.cspViolations().shouldBeEmpty()
        phone.cspViolations().shouldBeEmpty()
    }
})

private const val IMAGE = "TokyoSkylineAtNight_01"
private const val EXPLANATION = "Tokyo has been Japan's capital since 1868, when the emperor moved there from Kyoto. <b>not bold</b>"

private val QUESTIONS = """[
 {"kind":"single","text":"Which city is the capital of Japan?","choices":["Kyoto","Tokyo","Osaka","Nara"],"answer":[1],"image":"$IMAGE","explanation":"${EXPLANATION.replace("\"", "\\\"")}"},
 {"kind":"truefalse","text":"Osaka is a city.","answer":[0]}
]"""

/** A 16:9 picture as a data URL (the page's policy allows data: images). */
private const val STAND_IN = "data:image/svg+xml;charset=utf-8," +
    "%3Csvg xmlns='http://www.w3.org/2000/svg' width='1600' height='900' viewBox='0 0 16 9'%3E" +
    "%3Crect width='16' height='9' fill='%23123a6b'/%3E%3Ccircle cx='12' cy='2.5' r='1.2' fill='%23ffd54a'/%3E" +
    "%3Cpath d='M0 9 L3 5 L5 7 L8 3 L11 6 L13 4 L16 7 L16 9 Z' fill='%230b2340'/%3E%3C/svg%3E"
