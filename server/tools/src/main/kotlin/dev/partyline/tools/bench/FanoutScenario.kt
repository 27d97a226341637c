package dev.partyline.tools.bench

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import java.util.concurrent.atomic.LongAdder
import kotlin.random.Random

/**
 * `fanout`: rooms of 10 where the members take turns to chat, R chats per room per second. Each
 * chat's text is `w` (warm-up) or `m` (measured) plus the sender's `System.nanoTime()`; every
 * member, the sender included, gets it back, so receipt − send is the delivery latency through
 * the server. Lost = every chat × its room's members − deliveries received once they stop arriving.
 */
class FanoutScenario(private val run: BenchRun) {
    private val latency = LatencyHistogram()
    private val received = LongAdder()

    suspend fun execute() = coroutineScope {
        val s = run.settings
        val start = run.metrics.read()
        val crowd = Crowd(run, s.players, s.roomSize, "quiz", BenchWire.lobbyOptions(s.roomSize))
        val stop = CompletableDeferred<Unit>()
        val jobs = crowd.launch(this) { member -> member.client.serve(stop) { message -> count(message); true } }
        val seating = crowd.awaitSeated(jobs)

        val t0 = System.nanoTime() + 100_000_000L
        val measureFrom = t0 + (s.warmupSeconds * 1e9).toLong()
        val measureTo = measureFrom + (s.durationSeconds * 1e9).toLong()
        val random = Random(s.seed)
        val senders = seating.members.groupBy { it.room }.values.map { room ->
            send(room, t0 + random.nextLong((1e9 / s.rate).toLong().coerceAtLeast(1)), measureFrom, measureTo)
        }
        delayUntil(measureFrom)
        val arrivedBefore = received.sum()
        val from = run.metrics.read()
        delayUntil(measureTo)
        val arrivedInWindow = received.sum() - arrivedBefore
        val to = run.metrics.read()
        val sent = senders.awaitAll()
        val chats = sent.sumOf { it.first }
        val expected = sent.sumOf { it.second }
        val drainedAt = drain(expected)
        val held = crowd.held()
        stop.complete(Unit)
        crowd.finish(jobs)
        val end = run.metrics.read()

        val lost = expected - received.sum()
        val measured = latency.count
        run.seatingFigures(seating, crowd)
        run.figure("connections held at the end", held.toLong(), "count", "${s.players}")
        run.figure("chats sent", chats, "count")
        run.figure("deliveries expected", expected, "count")
        run.figure("deliveries received", received.sum(), "count")
        run.figure("lost deliveries", lost, "count", "0")
        run.figure("drain after the last chat", (drainedAt - measureTo) / 1e9, "s")
        run.figure("deliveries/s arriving in the window", arrivedInWindow / s.durationSeconds.coerceAtLeast(1e-9), "1/s", if (s.players >= 10_000) "10,000" else null)
        run.figure("deliveries/s offered (chats sent × members)", measured / s.durationSeconds.coerceAtLeast(1e-9), "1/s")
        run.latency("delivery latency", latency, "≤ 5 ms")
        run.figure("server CPU over the window", run.cpuPercent(from, to), "% of a core")
        run.figure("server CPU per delivery", run.delta(from?.cpuNanos, to?.cpuNanos)?.let { if (arrivedInWindow == 0L) null else it / 1000.0 / arrivedInWindow }, "µs")
        run.figure("server messages out/s (window)", run.delta(from?.messagesOut, to?.messagesOut)?.div(s.durationSeconds.coerceAtLeast(1e-9)), "1/s")
        run.serverFigures(start, end)
        if (lost != 0L) run.failures.add("$lost deliveries lost")
        if (held < s.players) run.failures.add("${s.players - held} connections lost")
        run.notes += "latency = receipt − send in this process (one clock); it includes the load client's own delays, so it bounds the server's latency from above"
        run.notes += "latency and offered deliveries/s cover chats sent in the ${s.durationSeconds} s window after ${s.warmupSeconds} s of warm-up; arriving deliveries/s counts what arrived in it"
    }

    /**
     * Waits for late deliveries: until all [expected] have come, or none has come for the drain
     * time, so that a backlog is counted as late (in the latency) and only what never comes as
     * lost. Returns when it stopped waiting.
     */
    private suspend fun drain(expected: Long): Long {
        val quiet = (run.settings.drainSeconds * 1e9).toLong()
        var last = received.sum()
        var progressAt = System.nanoTime()
        while (last < expected && System.nanoTime() - progressAt < quiet) {
            delay(20)
            val now = received.sum()
            if (now != last) {
                last = now
                progressAt = System.nanoTime()
            }
        }
        return System.nanoTime()
    }

    private fun count(message: Received) {
        if (message.type != "chat") return
        received.increment()
        val text = BenchWire.string(message.text, "text") ?: return
        if (text.startsWith("m")) text.substring(1).toLongOrNull()?.let { latency.recordNanos(message.nanos - it) }
    }

    /** One room's sender: chats at [rate] a second from its members in turn, from [first] until [until]; returns (chats, expected deliveries). */
    private fun CoroutineScope.send(room: List<Member>, first: Long, measureFrom: Long, until: Long) = async {
        val period = (1e9 / run.settings.rate).toLong()
        var k = 0L
        var expected = 0L
        while (true) {
            val at = first + k * period
            if (at >= until) break
            delayUntil(at)
            val sender = room[(k % room.size).toInt()]
            val now = System.nanoTime()
            sender.client.send(BenchWire.chat((if (at >= measureFrom) "m" else "w") + now))
            expected += room.size
            k++
        }
        k to expected
    }

    private suspend fun delayUntil(nanoTime: Long) {
        val wait = nanoTime - System.nanoTime()
        if (wait > 0) delay((wait + 999_999) / 1_000_000)
    }
}
