package dev.partyline.server.browser

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.startTestServer
import io.kotest.core.spec.style.FunSpec

/** What a browser spec plays on: one real server (of [config]) for the spec, and every browser opened on it, all closed after the spec. */
class BrowserStage(private val config: ServerConfig = ServerConfig()) {
    lateinit var server: PartylineServer
        private set
    private val browsers = mutableListOf<Browser>()

    /** The server's own origin, where the web client is served. */
    val base: String get() = "http://127.0.0.1:${server.httpPort}"

    /** A new person at a new browser, closed with the stage. */
    fun browser(width: Int = 1280, height: Int = 800, reducedMotion: Boolean = true): Browser =
        Browser(width, height, reducedMotion).also { browsers += it }

    internal suspend fun open() {
        server = startTestServer(config)
    }

    internal fun close() {
        browsers.forEach { runCatching { it.close() } }
        server.stop()
    }
}

/** A [BrowserStage] opened before this spec and closed after it. */
fun FunSpec.browserStage(config: ServerConfig = ServerConfig()): BrowserStage = BrowserStage(config).also { stage ->
    beforeSpec { stage.open() }
    afterSpec { stage.close() }
}
