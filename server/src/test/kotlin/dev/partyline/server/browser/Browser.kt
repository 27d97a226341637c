package dev.partyline.server.browser

import org.openqa.selenium.By
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.support.ui.WebDriverWait
import java.io.File
import java.time.Duration

/**
 * One real headless Chromium (Debian's, driven by its ChromeDriver), with a profile of its own,
 * so that each instance is a separate person: its own storage, its own session.
 */
class Browser(width: Int = 1280, height: Int = 800) : AutoCloseable {
    val driver: ChromeDriver = ChromeDriver(
        ChromeDriverService.Builder().usingDriverExecutable(executable(CHROMEDRIVER)).build(),
        ChromeOptions().apply {
            setBinary(executable(CHROMIUM))
            addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=$width,$height",
            )
        },
    )

    fun open(url: String) = driver.get(url)

    /** The first element with `data-test` [hook]. */
    fun find(hook: String): WebElement = driver.findElement(test(hook))

    fun findAll(hook: String): List<WebElement> = driver.findElements(test(hook))

    /** Waits up to [seconds] for [condition] to hold, polling; fails with [what] otherwise. */
    fun <T : Any> await(what: String, seconds: Long = 10, condition: () -> T?): T =
        WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage(what).until { runCatching(condition).getOrNull() }

    /** Saves a screenshot of the page as `target/screenshots/<name>.png`. */
    fun screenshot(name: String): File {
        val file = File("target/screenshots/$name.png").also { it.parentFile.mkdirs() }
        file.writeBytes(driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES))
        return file
    }

    override fun close() = driver.quit()

    companion object {
        const val CHROMIUM = "/usr/bin/chromium"
        const val CHROMEDRIVER = "/usr/bin/chromedriver"

        fun test(hook: String): By = By.cssSelector("[data-test='$hook']")

        private fun executable(path: String): File = File(path).also {
            check(it.canExecute()) { "$path is missing: install Debian's chromium and chromium-driver (.ci/run does)" }
        }
    }
}
