package dev.partyline.server.reliability

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** New connections per client address are capped across both transports; loopback is exempt by default. */
class ConnectionCapSpec : FunSpec({
    test("an address over its allowance is turned away with rate_limited and goodbye, over TCP and WebSocket alike, until it refills") {
        val server = startTestServer(ServerConfig(connectionsPerSecond = 0.5, connectionBurst = 5, limitLoopback = true))
        val admitted = mutableListOf<TestClient>()
        try {
            repeat(5) { i ->
                admitted += (if (i % 2 == 0) TestClient.tcp(server.tcpPort) else TestClient.ws(server.httpPort)).also { it.hello("c$i") }
            }
            for (refused in listOf(TestClient.tcp(server.tcpPort), TestClient.ws(server.httpPort))) {
                refused.use {
                    it.expect("error").str("code") shouldBe "rate_limited"
                    it.expect("goodbye").str("reason") shouldBe "rate_limited"
                    it.awaitClosed()
                }
            }
            admitted.forEach { it.send("""{"type":"ping","t":1}""") }
            admitted.forEach { it.expect("pong") } // those already in are not touched
            server.metrics.scrape().lines().single { it.startsWith("partyline_connections_refused_total") } shouldBe "partyline_connections_refused_total 2.0"

            withTimeout(5_000) { // one every 2 s comes back
                while (true) {
                    val next = TestClient.tcp(server.tcpPort)
                    next.send("""{"type":"hello","name":"later","protocol":1}""")
                    val answer = next.next()
                    if (answer.str("type") == "welcome") break.also { admitted += next }
                    next.close()
                    delay(100)
                }
            }
        } finally {
            admitted.forEach { it.close() }
            server.stop()
        }
    }

    test("plain HTTP connections count too: over the allowance a request is 429 rate_limited with Retry-After, and a WebSocket after it hears rate_limited in the protocol") {
        val server = startTestServer(ServerConfig(connectionsPerSecond = 0.01, connectionBurst = 3, limitLoopback = true))
        try {
            val statuses = List(3) { freshConnectionGet(server.httpPort, "/api/limits").statusCode() }
            val refused = freshConnectionGet(server.httpPort, "/api/limits")
            statuses shouldBe listOf(200, 200, 200)
            refused.statusCode() shouldBe 429
            refused.body() shouldBe """{"error":{"code":"rate_limited","message":"too many new connections from your address; try again in a few seconds"}}"""
            refused.headers().firstValue("retry-after").orElse("") shouldBe "5"
            TestClient.ws(server.httpPort).use {
                it.expect("error").str("code") shouldBe "rate_limited"
                it.expect("goodbye").str("reason") shouldBe "rate_limited"
            }
        } finally {
            server.stop()
        }
    }

    test("by default loopback is never capped: 100 connections at once all get in") {
        val server = startTestServer()
        val clients = mutableListOf<TestClient>()
        try {
            repeat(100) { clients += TestClient.tcp(server.tcpPort) }
            clients.forEach { it.send("""{"type":"hello","name":"bot","protocol":1,"bot":true}""") }
            clients.forEach { it.expect("welcome") }
        } finally {
            clients.forEach { it.close() }
            server.stop()
        }
    }
})

/** A GET on a connection of its own (a new client has no pooled connection to reuse). */
private fun freshConnectionGet(port: Int, path: String): HttpResponse<String> =
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI("http://127.0.0.1:$port$path")).build(), HttpResponse.BodyHandlers.ofString())
