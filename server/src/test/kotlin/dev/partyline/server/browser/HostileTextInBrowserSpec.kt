package dev.partyline.server.browser

import dev.partyline.server.e2e.TestClient
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.shouldBe
import org.openqa.selenium.By
import org.openqa.selenium.NoAlertPresentException

/**
 * Names and chat lines that look like HTML stay text in everybody's page: nothing they hold is
 * turned into elements, no script of theirs runs, and the pages break no rule of the
 * Content-Security-Policy.
 */
class HostileTextInBrowserSpec : FunSpec({
    val stage = browserStage()

    test("player names and chat lines made of HTML show as literal text and run nothing, in the lobby, the game and the podium") {
        val host = stage.browser()
        val mallory = stage.browser()
        host.openHomeAs(stage.base, "Hope")
        val code = host.createMemory(rows = 2, cols = 4, mode = "turns", turnSeconds = 30)

        // A browser player with a script-carrying name (names have at most 24 characters, so the
        // `<img src=x onerror=alert(1)>` of 28 goes into the chat instead)...
        mallory.openHomeAs(stage.base, SVG_NAME)
        mallory.find("name-input").getAttribute("value") shouldBe SVG_NAME
        mallory.joinWithCode(code)
        // ... and one over the raw protocol, whose image handler would set window.pwn.
        TestClient.ws(stage.server.httpPort, "eve").use { eve ->
            eve.hello(IMG_NAME)
            eve.send("""{"type":"join","room":"$code"}""")
            eve.expect("room")

            mallory.say(SCRIPT_CHAT)
            eve.send("""{"type":"chat","text":"$IMG_CHAT"}""")
            for (b in listOf(host, mallory)) {
                b.await("both chat lines") { b.findAll("chat-line").size == 2 }
                b.await("all three players listed") { b.findAll("player").size == 3 }
                b.findAll("player-name").map { it.text } shouldContainAll listOf(SVG_NAME, IMG_NAME)
                b.chatTexts() shouldBe listOf(SCRIPT_CHAT, IMG_CHAT)
                b.chatNames() shouldBe listOf(SVG_NAME, IMG_NAME)
                b.shouldRunNothing()
            }
            host.screenshot("hostile-01-lobby-host")

            // In the game: the turn line names Mallory's seat as text.
            host.click("start")
            for (b in listOf(host, mallory)) b.awaitScreen("memory")
            host.click("skip")
            host.await("the host's page to name the next player") { host.find("turn").text == "$SVG_NAME’s turn" }
            mallory.await("Mallory's turn") { mallory.find("turn").text == "⭐ Your turn!" }
            for (b in listOf(host, mallory)) {
                b.findAll("player-name").map { it.text } shouldContainAll listOf(SVG_NAME, IMG_NAME)
                b.shouldRunNothing()
            }
            host.screenshot("hostile-02-memory-turn-host")

            // The host ends the game: the podium and the standings show the names as text too.
            host.click("end")
            for (b in listOf(host, mallory)) {
                b.awaitScreen("game-over")
                b.findAll("podium-entry").map { it.findElement(By.className("podium-name")).text } shouldContainAll listOf(SVG_NAME, IMG_NAME)
                b.findAll("leaderboard-entry").map { it.findElement(By.className("leaderboard-name")).text } shouldContainAll listOf(SVG_NAME, IMG_NAME)
                b.driver.findElements(By.cssSelector("[data-test='podium'] :is(img, svg), [data-test='leaderboard'] :is(img, svg)")).shouldBeEmpty()
                b.shouldRunNothing()
            }
            host.screenshot("hostile-03-game-over-host")
        }

        for (b in listOf(host, mallory)) b.cspViolations().shouldBeEmpty()
    }

    test("the console capture does see a Content-Security-Policy violation when a page has one") {
        // The check above is only worth something if a violation would show: inject an inline
        // script, which the policy refuses, and look for the refusal in the console.
        val b = stage.browser()
        b.open("${stage.base}/")
        b.awaitScreen("home")
        b.cspViolations().shouldBeEmpty()
        b.js("const s = document.createElement('script'); s.textContent = 'window.inlineRan = 1'; document.head.append(s)")
        b.js("return typeof window.inlineRan") shouldBe "undefined"
        b.await("the refusal in the console") { b.cspViolations().isNotEmpty() }
        b.cspViolations().shouldNotBeEmpty()
        b.cspViolations().first().let { it.contains("script-src") || it.contains("inline") } shouldBe true
    }
})

private const val SVG_NAME = "<svg onload=alert(1)>"
private const val IMG_NAME = "<img src onerror=pwn=1>"
private const val SCRIPT_CHAT = "<b>bold</b><script>window.pwned=1</script>"
private const val IMG_CHAT = "<img src=x onerror=alert(1)>"

private fun Browser.chatTexts(): List<String> = driver.findElements(By.cssSelector("[data-test='chat-line'] .chat-text")).map { it.text }

private fun Browser.chatNames(): List<String> = driver.findElements(By.cssSelector("[data-test='chat-line'] .chat-name")).map { it.text }

/**
 * No element came out of anybody's text in the player list or the chat, no script of theirs has
 * run, and no alert is up (an alert would also fail the next command with UnhandledAlertException).
 */
private fun Browser.shouldRunNothing() {
    val made = "[data-test='player-list'] :is(img, svg, script, b, iframe), [data-test='chat-log'] :is(img, svg, script, iframe, b:not(.chat-name)), " +
        "[data-test='turn'] :is(img, svg, script, b, iframe)"
    driver.findElements(By.cssSelector(made)).shouldBeEmpty()
    js("return [typeof window.pwned, typeof window.pwn]") shouldBe listOf("undefined", "undefined")
    shouldThrow<NoAlertPresentException> { driver.switchTo().alert() }
}
