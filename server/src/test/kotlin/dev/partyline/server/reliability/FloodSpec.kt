package dev.partyline.server.reliability

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * A client that floods its room at 1,000 messages a second gets through only its token bucket,
 * hears `rate_limited` at most once a second, and is closed when it keeps on; the other 28
 * players of the room hear the room's chat as fast as without it.
 */
class FloodSpec : FunSpec({
    test("a flood of 1,000 messages a second: the bucket's worth gets through, one rate_limited a second, then a close; others' p99 within 50 ms of a control run") {
        val config = ServerConfig()
        val server = startTestServer(config)
        val room = TestRoom.open(server.tcpPort, ROOM_SIZE)
        try {
            val flooder = room.players.first()
            val probe = ChatLatency(room.host, room.players.drop(1))
            probe.measure(PROBES) // warm-up: the first lines meet cold code paths on both sides
            val control = probe.measure(PROBES)

            val floodStart = System.nanoTime()
            var sent = 0
            val flood = launch {
                while (!flooder.closedByServer) {
                    val due = (System.nanoTime() - floodStart) / 1_000_000 // one a millisecond, sent in small batches
                    while (sent < due && runCatching { flooder.send("""{"type":"chat","text":"flood-${sent++}"}""") }.isSuccess) Unit
                    delay(5)
                }
            }
            val flooded = probe.measure(PROBES)
            flooder.awaitClosed(timeoutMs = 15_000)
            val seconds = (System.nanoTime() - floodStart) / 1e9
            flood.cancel()

            val heard = flooder.recorded.map { Json.parseToJsonElement(it).jsonObject }
            val admitted = heard.count { it.str("type") == "chat" && it.str("text").startsWith("flood-") }
            val warnings = heard.filter { it.str("type") == "error" }.onEach { it.str("code") shouldBe "rate_limited" }.size
            val goodbye = heard.last()
            val (before, during) = control.p99 to flooded.p99
            println(
                "FloodSpec: %d messages in %.1f s (%.0f/s); %d went through (bucket: %d + %.0f/s), %d rate_limited, closed with goodbye %s; "
                    .format(sent, seconds, sent / seconds, admitted, config.rateBurst, config.ratePerSecond, warnings, goodbye["reason"]?.jsonPrimitive?.content) +
                    "others' chat latency p50/p99/max: control %.1f/%.1f/%.1f ms, during the flood %.1f/%.1f/%.1f ms (%d samples each)"
                        .format(control.p50, before, control.max, flooded.p50, during, flooded.max, flooded.count),
            )
            (sent / seconds > 900) shouldBe true
            admitted shouldBeLessThanOrEqual config.rateBurst + (config.ratePerSecond * seconds).toInt() + 1
            admitted shouldBeGreaterThan config.rateBurst - 1
            warnings shouldBeLessThanOrEqual seconds.toInt() + 1
            warnings shouldBe config.rateStrikes - 1 // the last strike closes instead
            goodbye.str("type") shouldBe "goodbye"
            goodbye.str("reason") shouldBe "rate_limited"
            (during - before <= 50.0) shouldBe true
        } finally {
            room.close()
            server.stop()
        }
    }
})

private const val ROOM_SIZE = 30

/** Chat lines per latency run: about 4 s at one line per 70 ms, heard by 28 players. */
private const val PROBES = 60
