package dev.partyline.server.e2e

import dev.partyline.server.base.ServerConfig
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.jsonPrimitive
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.TimeSource

/** A peer that goes silent without closing (its packets frozen by a proxy) is found and let go; its seat waits. */
class DeadPeerSpec : FunSpec({
    test("a player whose network freezes is marked disconnected within 3 ping periods, its connection is gone, and its seat waits for a resume") {
        val server = startTestServer(ServerConfig(idleTimeoutMillis = IDLE_MS)) // pings after 300 ms of silence
        val proxy = FreezingProxy.start(server.tcpPort)
        val host = TestClient.tcp(server.tcpPort, "host")
        val player = TestClient.tcp(proxy.port, "player")
        var again: TestClient? = null
        val keepAlive = mutableListOf<PingLoop>()
        try {
            host.hello("host")
            host.send("""{"type":"create","game":"quiz"}""")
            val code = host.expect("room").str("code")
            val welcome = player.hello("pat")
            val id = welcome.str("player")
            player.send("""{"type":"join","room":"$code"}""")
            player.expect("room")
            host.expect("player_joined")
            // From here on only the ping loops write to these two (a client's writes must not interleave).
            keepAlive += listOf(PingLoop(host, 100), PingLoop(player, 100))

            val frozenAt = TimeSource.Monotonic.markNow()
            proxy.freeze()
            host.expect("player_status") { it.str("player") == id && it["connected"]!!.jsonPrimitive.content == "false" }
            val found = frozenAt.elapsedNow()
            println("DeadPeerSpec: a frozen peer was marked disconnected after ${found.inWholeMilliseconds} ms (ping period ${IDLE_MS / 3} ms)")
            (found < (IDLE_MS + PING_MS).milliseconds) shouldBe true // 3 ping periods, plus one of slack for the heartbeat's check

            withTimeout(5_000) { while (server.metrics.openConnections() != 1) delay(10) } // the host's only
            again = TestClient.tcp(server.tcpPort, "again")
            again.send("""{"type":"hello","protocol":1,"session":"${welcome.str("session")}"}""")
            again.expect("welcome").str("player") shouldBe id
            again.expect("room")
            host.expect("player_status") { it.str("player") == id && it["connected"]!!.jsonPrimitive.content == "true" }
        } finally {
            keepAlive.forEach { it.stop() }
            listOfNotNull(host, player, again).forEach { it.close() }
            proxy.close()
            server.stop()
        }
    }
})

private const val IDLE_MS = 900L
private const val PING_MS = IDLE_MS / 3
