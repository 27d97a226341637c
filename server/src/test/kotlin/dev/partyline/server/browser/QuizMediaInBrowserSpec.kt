package dev.partyline.server.browser

import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import dev.partyline.server.http.api.TestImages
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

        // A picture of 1600 × 900 uploaded by an account of this server; the room's inline question names it.
        val uploader = ApiClient(stage.server.httpPort).apply { signUp("pictures") }
        val image = uploader.upload("/api/images", TestImages.make("png", 1600, 900), "image/png").json.str("id")
        host.startQuizWith(stage.base, "Quinn", phone, "Pia", questions(image), seconds = 30)

        for (b in listOf(host, phone)) {
            b.awaitQuestion(1)
            val img = b.find("question-image")
            img.getAttribute("src") shouldEndWith "/api/images/$image"
            b.await("the picture to load") { b.js("return arguments[0].complete && arguments[0].naturalWidth", img) == 1600L }
            img.getAttribute("alt") shouldBe "Picture for question 1"
            img.getAttribute("loading") shouldBe "eager"
            b.findAll("explanation").shouldBeEmpty()
        }
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

private const val EXPLANATION = "Tokyo has been Japan's capital since 1868, when the emperor moved there from Kyoto. <b>not bold</b>"

private fun questions(image: String) = """[
 {"kind":"single","text":"Which city is the capital of Japan?","choices":["Kyoto","Tokyo","Osaka","Nara"],"answer":[1],"image":"$image","explanation":"${EXPLANATION.replace("\"", "\\\"")}"},
 {"kind":"truefalse","text":"Osaka is a city.","answer":[0]}
]"""
