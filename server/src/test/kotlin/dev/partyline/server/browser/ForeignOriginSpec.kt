package dev.partyline.server.browser

import com.sun.net.httpserver.HttpServer
import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.startTestServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.net.InetSocketAddress

/**
 * In real Chromium: a page of the server's own origin opens the game WebSocket and is welcomed;
 * a page served from another origin (another port) cannot open it at all.
 */
class ForeignOriginSpec : FunSpec({
    lateinit var server: PartylineServer
    lateinit var foreign: HttpServer
    lateinit var browser: Browser
    beforeSpec {
        server = startTestServer()
        foreign = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0).apply {
            createContext("/") { exchange ->
                val page = "<!doctype html><title>elsewhere</title><p>a page of another site</p>".toByteArray()
                exchange.sendResponseHeaders(200, page.size.toLong())
                exchange.responseBody.use { it.write(page) }
            }
            start()
        }
        browser = Browser()
    }
    afterSpec {
        browser.close()
        foreign.stop(0)
        server.stop()
    }

    /** Opens the game WebSocket from the current page and says hello; what became of it. */
    fun tryGameSocket(): String = browser.driver.executeAsyncScript(
        """
        const done = arguments[arguments.length - 1];
        const ws = new WebSocket("ws://127.0.0.1:${server.httpPort}/ws");
        ws.onopen = () => ws.send(JSON.stringify({type: "hello", name: "page", protocol: 1}));
        ws.onmessage = (e) => done(JSON.parse(e.data).type);
        ws.onerror = () => done("refused");
        setTimeout(() => done("timeout"), 5000);
        """.trimIndent(),
    ) as String

    test("a page of the server's own origin is welcomed on the WebSocket") {
        browser.open("http://127.0.0.1:${server.httpPort}/")
        tryGameSocket() shouldBe "welcome"
    }

    test("a page of a foreign origin cannot open the WebSocket") {
        browser.open("http://127.0.0.1:${foreign.address.port}/")
        tryGameSocket() shouldBe "refused"
    }
})
