package dev.partyline.server.e2e

import dev.partyline.server.base.ServerConfig
import io.ktor.network.selector.SelectorManager
import io.ktor.network.sockets.aSocket
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.writeStringUtf8
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withTimeout

/** A client that stops reading is dropped once its outbox is full, over either transport; the others keep getting every event. */
class SlowConsumerSpec : FunSpec({
    /** Has [stuck] (who never reads) join the host's room, then chats until the room hears it is gone; checks it was dropped as slow, once. */
    suspend fun dropsTheStuckOne(stuck: suspend (port: Int, code: String) -> AutoCloseable, ws: Boolean) {
        val server = startTestServer(ServerConfig(outboxCapacity = 16, ratePerSecond = 100_000.0, rateBurst = 100_000))
        val host = TestClient.tcp(server.tcpPort, "host")
        var reader: AutoCloseable? = null
        try {
            host.hello("host")
            host.send("""{"type":"create","game":"quiz"}""")
            val code = host.expect("room").str("code")
            reader = stuck(if (ws) server.httpPort else server.tcpPort, code)
            val stuckId = host.expect("player_joined").str("player")

            val text = "é".repeat(280)
            var sent = 0
            withTimeout(20_000) {
                while (true) {
                    repeat(BURST) { host.send("""{"type":"chat","text":"$text"}""") }
                    sent += BURST
                    // The host reads its own chat back: it is never held up by the stuck player.
                    repeat(BURST) { host.expect("chat") }
                    if (host.recorded.any { it.contains("\"player_status\"") && it.contains(stuckId) }) break
                }
            }
            host.recorded.any { it.contains("\"player_status\"") && it.contains("\"connected\":false") } shouldBe true
            server.metrics.scrape().lines().single { it.startsWith("partyline_outbox_drops_total") } shouldBe "partyline_outbox_drops_total 1.0"
            (sent > 0) shouldBe true
        } finally {
            host.close()
            reader?.close()
            server.stop()
        }
    }

    fun joinLines(code: String) = listOf("""{"type":"hello","name":"stuck","protocol":1}""", """{"type":"join","room":"$code"}""")

    test("a player on TCP who never reads is dropped as a slow consumer and the others are not held up") {
        val selector = SelectorManager(Dispatchers.IO)
        try {
            dropsTheStuckOne({ port, code ->
                val socket = aSocket(selector).tcp().connect("127.0.0.1", port)
                socket.openWriteChannel(autoFlush = true).writeStringUtf8(joinLines(code).joinToString("\n", postfix = "\n"))
                socket
            }, ws = false)
        } finally {
            selector.close()
        }
    }

    test("a player on a WebSocket who never reads is dropped as a slow consumer and the others are not held up") {
        dropsTheStuckOne({ port, code ->
            RawFrames.connect(port).also { ws -> joinLines(code).forEach { ws.send(RawFrames.TEXT, it.toByteArray()) } }
        }, ws = true)
    }
})

/** Chats sent before reading their echoes: fewer than the outbox holds, so the host keeps up. */
private const val BURST = 8
