package dev.partyline.server.http

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.startTestServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith
import java.net.Socket

/**
 * The browser's way in, over a real socket: the web client comes with a Content-Security-Policy,
 * a shared join link leads to the client, and a WebSocket upgrade from a foreign page is refused
 * before it completes.
 */
class WebEntrySpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer(ServerConfig(allowedOrigins = listOf("https://quiz.school.example"))) }
    afterSpec { server.stop() }

    fun upgrade(origin: String?) = request(
        server.httpPort,
        "GET /ws HTTP/1.1",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13",
        *listOfNotNull(origin?.let { "Origin: $it" }).toTypedArray(),
    )

    test("the web client is served with a Content-Security-Policy that allows no inline script") {
        val response = request(server.httpPort, "GET / HTTP/1.1")
        response.statusLine shouldStartWith "HTTP/1.1 200"
        response.header("content-security-policy") shouldContain "script-src 'self'"
        response.header("content-security-policy") shouldContain "object-src 'none'"
        response.header("x-content-type-options") shouldBe "nosniff"
    }

    test("a join link /join/CODE leads to the client with the code filled in; anything else there is not found") {
        val response = request(server.httpPort, "GET /join/qx7k2m HTTP/1.1")
        response.statusLine shouldStartWith "HTTP/1.1 302"
        response.header("location") shouldBe "/#QX7K2M"
        request(server.httpPort, "GET /join/%3Cscript%3E HTTP/1.1").statusLine shouldStartWith "HTTP/1.1 404"
    }

    test("a WebSocket upgrade from a foreign page is refused with 403 before it completes") {
        upgrade("https://evil.example").statusLine shouldStartWith "HTTP/1.1 403"
        upgrade("null").statusLine shouldStartWith "HTTP/1.1 403"
    }

    test("an upgrade of another WebSocket version is answered 426 with the version spoken; one without a key, 400") {
        val other = request(server.httpPort, "GET /ws HTTP/1.1", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 99")
        other.statusLine shouldStartWith "HTTP/1.1 426"
        other.header("sec-websocket-version") shouldBe "13"
        request(server.httpPort, "GET /ws HTTP/1.1", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13").statusLine shouldStartWith "HTTP/1.1 400"
    }

    test("upgrades from the server's own pages, an allowlisted origin, or without Origin (bots) are switched") {
        upgrade("http://127.0.0.1:${server.httpPort}").statusLine shouldStartWith "HTTP/1.1 101"
        upgrade("https://quiz.school.example").statusLine shouldStartWith "HTTP/1.1 101"
        upgrade(null).statusLine shouldStartWith "HTTP/1.1 101"
    }
})

/** A response's status line and headers (names in lower case). */
private class Head(val statusLine: String, private val headers: Map<String, String>) {
    fun header(name: String): String? = headers[name]
}

/** Sends one raw HTTP/1.1 request to the loopback [port] and reads the response head, with a 5 s timeout. */
private fun request(port: Int, requestLine: String, vararg headers: String): Head = Socket("127.0.0.1", port).use { socket ->
    socket.soTimeout = 5_000
    val text = (listOf(requestLine, "Host: 127.0.0.1:$port") + headers + "Connection: close".takeIf { headers.none { it.startsWith("Connection") } })
        .filterNotNull().joinToString("\r\n", postfix = "\r\n\r\n")
    socket.getOutputStream().write(text.toByteArray())
    val reader = socket.getInputStream().bufferedReader()
    val status = reader.readLine()
    val fields = generateSequence { reader.readLine()?.takeIf { it.isNotEmpty() } }
        .associate { it.substringBefore(':').lowercase() to it.substringAfter(':').trim() }
    Head(status, fields)
}
