package dev.partyline.server.reliability

import dev.partyline.server.bench.LatencyHistogram
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import java.util.concurrent.atomic.AtomicLongArray

/**
 * How long a room's events take to reach its members: [speaker] says a numbered chat line every
 * [periodMillis] for [count] lines, and each of [listeners] records the time from the send to
 * its arrival. Lines of this probe carry a prefix, so other chat in the room is ignored.
 */
class ChatLatency(private val speaker: TestClient, private val listeners: List<TestClient>, private val periodMillis: Long = 70) {
    private var round = 0

    /** One run of [count] lines; returns every listener's latencies together. */
    suspend fun measure(count: Int): LatencyHistogram = coroutineScope {
        val tag = "probe${round++}-"
        val sentAt = AtomicLongArray(count)
        val latencies = LatencyHistogram()
        val hearing = listeners.map { listener ->
            async {
                repeat(count) {
                    val line = listener.expect("chat", timeoutMs = 10_000) { it.str("text").startsWith(tag) }
                    val arrived = System.nanoTime()
                    latencies.recordNanos(arrived - sentAt[line.str("text").removePrefix(tag).toInt()])
                }
            }
        }
        repeat(count) { i ->
            sentAt[i] = System.nanoTime()
            speaker.send("""{"type":"chat","text":"$tag$i"}""")
            delay(periodMillis)
        }
        hearing.awaitAll()
        latencies
    }
}
