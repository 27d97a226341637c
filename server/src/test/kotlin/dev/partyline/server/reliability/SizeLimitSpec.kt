package dev.partyline.server.reliability

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.type
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonPrimitive

/**
 * The line and frame limit holds at the byte, over TCP and WebSocket, for ASCII and for 2-, 3-
 * and 4-byte characters: a message of exactly the limit is read (and answered for what it
 * says), one byte more gets `too_large`, a `goodbye` and a close.
 */
class SizeLimitSpec : FunSpec({
    val servers = mutableMapOf<Int, PartylineServer>()
    beforeSpec { for (limit in LIMITS) servers[limit] = startTestServer(ServerConfig(maxLineBytes = limit)) }
    afterSpec { servers.values.forEach { it.stop() } }

    val transports: Map<String, suspend (PartylineServer) -> TestClient> = mapOf(
        "TCP" to { s -> TestClient.tcp(s.tcpPort) },
        "WebSocket" to { s -> TestClient.ws(s.httpPort) },
    )

    for (limit in LIMITS) for ((transport, connect) in transports) for (fill in FILLS) {
        val what = "$transport, limit $limit, filled with '$fill' (${fill.toByteArray().size} bytes)"

        test("$what: a ping of exactly the limit is answered with its whole text") {
            connect(servers.getValue(limit)).use { c ->
                c.hello("exact")
                val ping = sized(limit, fill) { """{"type":"ping","t":"$it"}""" }
                c.sendBytes(ping)
                c.expect("pong")["t"] shouldBe JsonPrimitive(String(ping).substringAfter("\"t\":\"").substringBefore('"'))
            }
        }

        test("$what: a chat of exactly the limit is refused for its length, not its size, and the connection goes on") {
            connect(servers.getValue(limit)).use { c ->
                c.hello("chatty")
                c.sendBytes(sized(limit, fill) { """{"type":"chat","text":"$it","id":"c"}""" })
                c.next().let { it.type shouldBe "error"; it.str("code") shouldBe "bad_request" }
                c.send("""{"type":"ping","t":1}""")
                c.expect("pong")
            }
        }

        test("$what: one byte over the limit gets too_large and a goodbye, then a close") {
            connect(servers.getValue(limit)).use { c ->
                c.hello("over")
                c.sendBytes(sized(limit + 1, fill) { """{"type":"ping","t":"$it"}""" })
                c.next().let { it.type shouldBe "error"; it.str("code") shouldBe "too_large" }
                c.next().let { it.type shouldBe "goodbye"; it.str("reason") shouldBe "too_large" }
                c.awaitClosed()
            }
        }
    }

    test("over TCP a CRLF after a line of exactly the limit is not counted") {
        TestClient.tcp(servers.getValue(LIMITS.first()).tcpPort).use { c ->
            c.hello("crlf")
            c.sendBytes(sized(LIMITS.first(), "€") { """{"type":"ping","t":"$it"}""" } + '\r'.code.toByte())
            c.expect("pong")
        }
    }

    test("over WebSocket a frame far over the limit is cut by the WebSocket layer, which closes the connection without a goodbye") {
        TestClient.ws(servers.getValue(LIMITS.first()).httpPort).use { c ->
            c.hello("huge")
            c.sendBytes(sized(LIMITS.first() * 5, "x") { """{"type":"ping","t":"$it"}""" })
            c.awaitClosed()
            c.recorded.filter { "\"goodbye\"" in it }.shouldBeEmpty()
        }
    }
})

/** A small limit and the default one. */
private val LIMITS = listOf(1024, ServerConfig().maxLineBytes)

/** ASCII, then characters of two, three and four bytes in UTF-8. */
private val FILLS = listOf("x", "é", "€", "😀")

/** [message] with its text filled with [fill] (topped up with ASCII) to exactly [bytes] bytes of UTF-8. */
private fun sized(bytes: Int, fill: String, message: (String) -> String): ByteArray {
    val room = bytes - message("").toByteArray().size
    val unit = fill.toByteArray().size
    val text = fill.repeat(room / unit) + "x".repeat(room % unit)
    return message(text).toByteArray().also { check(it.size == bytes) { "built ${it.size} bytes, not $bytes" } }
}
