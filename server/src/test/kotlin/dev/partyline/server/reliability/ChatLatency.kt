package dev.partyline.server.reliability

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import org.HdrHistogram.ConcurrentHistogram
import java.util.concurrent.atomic.AtomicLongArray

/**
 * How long a room's events take to reach its members: [speaker] says a numbered chat line every
 * [periodMillis] for [count] lines, and each of [listeners] records the time from the send to
 * its arrival. Lines of this probe carry a prefix, so other chat in the room is ignored.
 */
class ChatLatency(private val speaker: TestClient, private val listeners: List<TestClient>, private val periodMillis: Long = 70) {
    private var round = 0

    /** One run of [count] lines; returns every listener's latencies together. */
    suspend fun measure(count: Int): Latencies = coroutineScope {
        val tag = "probe${round++}-"
        val sentAt = AtomicLongArray(count)
        val micros = ConcurrentHistogram(1, 3_600_000_000L, 3)
        val hearing = listeners.map { listener ->
            async {
                repeat(count) {
                    val line = listener.expect("chat", timeoutMs = 10_000) { it.str("text").startsWith(tag) }
                    val arrived = System.nanoTime()
                    micros.recordValue(((arrived - sentAt[line.str("text").removePrefix(tag).toInt()]) / 1000).coerceAtLeast(1))
                }
            }
        }
        repeat(count) { i ->
            sentAt[i] = System.nanoTime()
            speaker.send("""{"type":"chat","text":"$tag$i"}""")
            delay(periodMillis)
        }
        hearing.awaitAll()
        Latencies(micros.getValueAtPercentile(50.0) / 1000.0, micros.getValueAtPercentile(99.0) / 1000.0, micros.maxValue / 1000.0, micros.totalCount)
    }
}

/** The latencies of one [ChatLatency] run, in milliseconds, over [count] arrivals. */
data class Latencies(val p50: Double, val p99: Double, val max: Double, val count: Long)
