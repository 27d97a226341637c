package dev.partyline.server.reliability

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.examples.ScriptProcess
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.serialization.json.jsonPrimitive

/**
 * One player of a busy 30-player room stops reading: the other players hear the room as fast as
 * in a control run, and the stalled one is dropped once its outbox is full: its connection is
 * closed (reset, if it still will not take its `goodbye` a second later).
 * The stalled player is `stalled_reader.py`, which connects as over a real network.
 */
class SlowReaderSpec : FunSpec({
    test("a player who stops reading in a busy room of 30 is dropped once its outbox fills; others' p99 within 50 ms of a control run") {
        // This box is shared and has two cores: one pause of the machine can lift a p99 of 1,080
        // samples on its own. A second run, on a fresh server, tells such a pause from a slow
        // reader that really holds the others up (which fails both).
        val rise = stallOnce()
        if (rise > MAX_EXTRA_P99_MS) withClue("others' p99 rose %.1f ms on the first run, and on the second".format(rise)) { stallOnce() shouldBeLessThanOrEqual MAX_EXTRA_P99_MS }
    }
})

/** One run: the stall, the drop and its checks; returns how much the others' p99 rose meanwhile (ms). */
private suspend fun stallOnce(): Double = coroutineScope {
    val server = startTestServer(ServerConfig(ratePerSecond = 100.0, idleTimeoutMillis = 600_000)) // listeners only listen
    val room = TestRoom.open(server.tcpPort, ROOM_SIZE - 1)
    val stalled = ScriptProcess("python3", "server/src/test/python/stalled_reader.py", "${server.tcpPort}", room.code)
    try {
        stalled.awaitLine { it == "joined" }
        val stalledId = room.host.expect("player_joined") { it.str("name") == "stalled" }.str("player")
        val chatters = room.players.take(CHATTERS)
        val busy = launch {
            while (true) { // 10 chatters × 20 lines a second of 280 three-byte characters: ~170 KiB/s to everyone
                chatters.forEach { it.send("""{"type":"chat","text":"${"漢".repeat(280)}"}""") }
                delay(50)
            }
        }
        val probe = ChatLatency(room.host, room.players.drop(CHATTERS))
        probe.measure(PROBES / 2) // warm-up
        val control = probe.measure(PROBES)

        stalled.tell("stall")
        stalled.awaitLine { it == "stalled" }
        val stalledAt = System.nanoTime()
        val slow = probe.measure(PROBES)
        room.host.expect("player_status", timeoutMs = 60_000) { it.str("player") == stalledId && it["connected"]!!.jsonPrimitive.content == "false" }
        val droppedAfter = (System.nanoTime() - stalledAt) / 1e9
        busy.cancel()
        stalled.tell("read")
        val last = stalled.awaitLine(timeoutMs = 15_000) { it.startsWith("read ") }

        val (before, during) = control.p99 to slow.p99
        println(
            "SlowReaderSpec: the stalled reader was dropped %.1f s after it stopped reading, then %s; "
                .format(droppedAfter, last.take(100)) +
                "others' chat latency p50/p99/max: control %.1f/%.1f/%.1f ms, with the stalled reader %.1f/%.1f/%.1f ms (%d samples each)"
                    .format(control.p50, before, control.max, slow.p50, during, slow.max, slow.count),
        )
        last shouldNotContain "still open"
        server.metrics.scrape().lines().single { it.startsWith("partyline_outbox_drops_total") } shouldBe "partyline_outbox_drops_total 1.0"
        server.metrics.openConnections() shouldBe ROOM_SIZE - 1
        during - before
    } finally {
        stalled.close()
        room.close()
        server.stop()
    }
}

private const val MAX_EXTRA_P99_MS = 50.0

private const val ROOM_SIZE = 30
private const val CHATTERS = 10
private const val PROBES = 60
