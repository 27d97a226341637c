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

/** A client that stops reading is dropped once its outbox is full; the others keep getting every event. */
class SlowConsumerSpec : FunSpec({
    test("a player who never reads is dropped as a slow consumer and the others are not held up") {
        val server = startTestServer(ServerConfig(outboxCapacity = 16, ratePerSecond = 100_000.0, rateBurst = 100_000))
        val host = TestClient.tcp(server.tcpPort, "host")
        val selector = SelectorManager(Dispatchers.IO)
        val stuck = aSocket(selector).tcp().connect("127.0.0.1", server.tcpPort)
        try {
            host.hello("host")
            host.send("""{"type":"create","game":"quiz"}""")
            val code = host.expect("room").str("code")
            val out = stuck.openWriteChannel(autoFlush = true)
            out.writeStringUtf8("""{"type":"hello","name":"stuck","protocol":1}""" + "\n" + """{"type":"join","room":"$code"}""" + "\n")
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
            stuck.close()
            selector.close()
            server.stop()
        }
    }
})

/** Chats sent before reading their echoes: fewer than the outbox holds, so the host keeps up. */
private const val BURST = 8
