package dev.partyline.server.browser

import dev.partyline.server.base.ServerConfig
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.openqa.selenium.support.ui.Select
import java.net.URI

/**
 * The page checks what the server says (`/api/limits`), not numbers of its own: the fields carry
 * the server's bounds, and on a server with a small frame size (3000 bytes, not the usual 8 KiB)
 * the page refuses, before sending, questions that the usual size would have let through.
 */
class LimitsInBrowserSpec : FunSpec({
    val stage = browserStage(ServerConfig(maxLineBytes = 3000))
    val limits by lazy { Json.parseToJsonElement(URI("${stage.base}/api/limits").toURL().readText()).jsonObject }

    test("the name, the create forms and the chat carry the server's limits") {
        val b = stage.browser(1280, 1200) // tall enough to show a whole create form in the screenshots
        b.openHomeAs(stage.base, "Lima")
        b.await("the name field to take the server's length") { b.find("name-input").getAttribute("maxlength") == limits.int("maxNameChars").toString() }

        b.click("create-memory")
        val memory = limits.getValue("memory").jsonObject
        val sides = (memory.int("minRows")..memory.int("maxRows")).map { it.toString() }
        b.await("the memory form") { b.findAll("memory-rows").isNotEmpty() }
        Select(b.find("memory-rows")).options.map { it.getAttribute("value") } shouldBe sides
        Select(b.find("memory-cols")).options.map { it.getAttribute("value") } shouldBe (memory.int("minCols")..memory.int("maxCols")).map { it.toString() }
        b.screenshot("limits-01-home-memory-form")

        b.click("create-quiz")
        val quiz = limits.getValue("quiz").jsonObject
        b.await("the quiz form") { b.findAll("quiz-seconds").isNotEmpty() }
        b.find("quiz-seconds").getAttribute("min") shouldBe quiz.int("minSeconds").toString()
        b.find("quiz-seconds").getAttribute("max") shouldBe quiz.int("maxSeconds").toString()
        b.find("quiz-count").getAttribute("max") shouldBe quiz.int("maxQuestions").toString()
        b.screenshot("limits-02-home-quiz-form")
        b.click("create-quiz") // closed again: createQuiz opens it

        b.createQuiz(SHORT, seconds = 20)
        b.await("the chat field to take the server's length") { b.find("chat-input").getAttribute("maxlength") == limits.int("maxChatChars").toString() }
        b.goHome(stage.base)
    }

    test("questions too big for this server's frames are refused on the page, before anything is sent") {
        limits.int("maxLineBytes") shouldBe 3000
        LONG.toByteArray().size shouldBeGreaterThan 3000
        LONG.toByteArray().size shouldBeLessThan 8000 // within the usual frame size: a copied 8 KiB would let it through
        val b = stage.browser()
        b.openHomeAs(stage.base, "Nora")
        b.click("create-quiz")
        b.type("quiz-questions", LONG)
        b.click("create-submit")
        val toast = b.await("the page to refuse the questions") { b.find("error").takeIf { it.isDisplayed } }
        toast.getAttribute("data-code") shouldBe "client"
        toast.text shouldContain "too big to send in one go (2.9 KB at most)"
        b.screen() shouldBe "home"
        b.connected shouldBe false
    }

    test("a page that cannot read the limits still works, checking none of them itself") {
        val b = stage.browser()
        b.driver.executeCdpCommand("Network.enable", emptyMap())
        b.driver.executeCdpCommand("Network.setBlockedURLs", mapOf("urls" to listOf("*/api/limits")))
        b.openHomeAs(stage.base, "Otto")
        b.click("create-memory")
        b.await("the memory form") { b.findAll("memory-rows").isNotEmpty() }
        Select(b.find("memory-rows")).options.map { it.getAttribute("value") } shouldBe listOf("4") // only the default size
        b.find("name-input").getAttribute("maxlength") shouldBe null
        b.click("create-memory") // closed again: createQuiz opens its own form
        b.createQuiz(SHORT, seconds = 20)
        b.find("chat-input").getAttribute("maxlength") shouldBe null
        b.say("still here")
        b.await("the chat line") { b.findAll("chat-line").isNotEmpty() }
        b.find("chat-line").text shouldContain "still here"
    }
})

private fun JsonObject.int(key: String): Int = getValue(key).jsonPrimitive.int

private const val SHORT = """[{"kind":"truefalse","text":"The sky is blue.","answer":[0]}]"""

/** Eight true/false questions of 400 characters each: about 3.6 KB as JSON. */
private val LONG = (1..8).joinToString(",", "[", "]") { n ->
    """{"kind":"truefalse","text":"Statement $n: ${"a".repeat(385)}","answer":[0]}"""
}
