package dev.partyline.server.browser

import org.openqa.selenium.By
import org.openqa.selenium.UnexpectedAlertBehaviour
import org.openqa.selenium.UnhandledAlertException
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.logging.LogType
import org.openqa.selenium.logging.LoggingPreferences
import org.openqa.selenium.support.ui.Select
import org.openqa.selenium.support.ui.WebDriverWait
import java.io.File
import java.time.Duration
import java.util.logging.Level

/**
 * One real headless Chromium (Debian's, driven by its ChromeDriver), with a profile of its own,
 * so that each instance is a separate person: its own storage, its own session.
 *
 * The page's viewport is exactly [width] × [height] (a phone's when narrower than 600 px), and
 * motion is reduced unless [reducedMotion] is false. The browser console is recorded (see
 * [console]); an alert is dismissed and reported by the next command as an
 * [UnhandledAlertException], which [await] never swallows.
 */
class Browser(val width: Int = 1280, val height: Int = 800, reducedMotion: Boolean = true) : AutoCloseable {
    val driver: ChromeDriver = ChromeDriver(
        ChromeDriverService.Builder().usingDriverExecutable(executable(CHROMEDRIVER)).build(),
        ChromeOptions().apply {
            setBinary(executable(CHROMIUM))
            addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=$width,$height",
            )
            setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS_AND_NOTIFY)
            setCapability("goog:loggingPrefs", LoggingPreferences().apply { enable(LogType.BROWSER, Level.ALL) })
        },
    )

    init {
        // The window size includes room for a browser frame (and headless windows have a minimum
        // width): pin the page's viewport to exactly width × height, a phone's when narrow.
        driver.executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            mapOf("width" to width, "height" to height, "deviceScaleFactor" to 1, "mobile" to (width < 600)),
        )
        // With motion reduced (a user setting the client's CSS honours) nothing fades or pops in:
        // text is readable the moment it is on the page, instead of blank while an entrance
        // animation starts from transparent.
        if (reducedMotion) {
            driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                mapOf("features" to listOf(mapOf("name" to "prefers-reduced-motion", "value" to "reduce"))),
            )
        }
    }

    fun open(url: String) = driver.get(url)

    /** The first element with `data-test` [hook]. */
    fun find(hook: String): WebElement = driver.findElement(test(hook))

    fun findAll(hook: String): List<WebElement> = driver.findElements(test(hook))

    /** The element with `data-test` [hook] and these attribute values, e.g. `find("card", "data-index" to 3)`. */
    fun find(hook: String, vararg attributes: Pair<String, Any>): WebElement = driver.findElement(test(hook, *attributes))

    /**
     * Waits up to [seconds] for [condition] to hold (non-null, not false), polling every 50 ms;
     * fails with [what] and the screen shown otherwise. An alert is never swallowed.
     */
    fun <T : Any> await(what: String, seconds: Long = 10, condition: () -> T?): T =
        WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50))
            .withMessage { "$what (this browser shows ${whereAmI()})" }
            .until {
                runCatching(condition).onFailure { if (it is UnhandledAlertException) throw it }.getOrNull()
                    .takeUnless { it == false }
            }

    /**
     * Saves a screenshot of the page as `target/screenshots/<name>.png`, once the entrance
     * animations running now (not the endless ones, like a pulse) have finished.
     */
    fun screenshot(name: String): File {
        runCatching {
            await("animations to settle for a screenshot", seconds = 2) {
                js("return document.getAnimations().every((a) => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)") == true
            }
        }
        val file = File("target/screenshots/$name.png").also { it.parentFile.mkdirs() }
        file.writeBytes(driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES))
        return file
    }

    // ---- what the page shows ----

    /** The `data-screen` of `<main>`: home, lobby, quiz-question, quiz-reveal, memory, game-over. */
    fun screen(): String = find("screen").getAttribute("data-screen") ?: ""

    fun awaitScreen(screen: String, seconds: Long = 10) = await("the $screen screen", seconds) { screen() == screen }

    /** Clicks the element once it is shown and enabled (retrying while the page re-renders). */
    fun click(what: String, locator: By, seconds: Long = 10) {
        await("to click $what", seconds) { driver.findElement(locator).takeIf { it.isDisplayed && it.isEnabled }?.also { it.click() } }
    }

    fun click(hook: String, vararg attributes: Pair<String, Any>) = click(hook + attributes.joinToString("") { " ${it.first}=${it.second}" }, test(hook, *attributes))

    /** Replaces the text of an input with [text], typed key by key. */
    fun type(hook: String, text: String) {
        val input = await("the $hook field") { find(hook).takeIf { it.isDisplayed && it.isEnabled } }
        input.clear()
        input.sendKeys(text)
    }

    fun select(hook: String, value: String) = Select(await("the $hook select") { find(hook).takeIf { it.isDisplayed } }).selectByValue(value)

    fun js(script: String, vararg args: Any?): Any? = driver.executeScript(script, *args)

    /** `window.partyline.playerId`: who this browser plays as, once welcomed. */
    val playerId: String? get() = js("return window.partyline && window.partyline.playerId") as String?

    /** `window.partyline.connected`: welcomed and open. */
    val connected: Boolean get() = js("return Boolean(window.partyline && window.partyline.connected)") == true

    fun refresh() = driver.navigate().refresh()

    // ---- the console ----

    private val consoleLines = mutableListOf<String>()

    /** Everything the page wrote to the console so far (level and message), in order. */
    fun console(): List<String> {
        consoleLines += driver.manage().logs().get(LogType.BROWSER).all.map { "${it.level} ${it.message}" }
        return consoleLines.toList()
    }

    /** Console lines about the Content-Security-Policy refusing something. */
    fun cspViolations(): List<String> = console().filter { "Content Security Policy" in it || "Content-Security-Policy" in it }

    private fun whereAmI(): String =
        runCatching { "screen '${screen()}' at ${driver.currentUrl}" }.getOrElse { "nothing readable (${it.javaClass.simpleName})" }

    override fun close() = driver.quit()

    companion object {
        const val CHROMIUM = "/usr/bin/chromium"
        const val CHROMEDRIVER = "/usr/bin/chromedriver"

        fun test(hook: String): By = By.cssSelector("[data-test='$hook']")

        fun test(hook: String, vararg attributes: Pair<String, Any>): By =
            By.cssSelector("[data-test='$hook']" + attributes.joinToString("") { (name, value) -> "[$name='$value']" })

        private fun executable(path: String): File = File(path).also {
            check(it.canExecute()) { "$path is missing: install Debian's chromium and chromium-driver (.ci/run does)" }
        }
    }
}
