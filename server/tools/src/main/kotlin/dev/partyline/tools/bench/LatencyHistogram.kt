package dev.partyline.tools.bench

import org.HdrHistogram.ConcurrentHistogram
import java.util.concurrent.atomic.LongAdder

/**
 * Latencies in microseconds (1 µs to 1 hour, 3 significant digits), safe to record from many
 * coroutines at once. A negative latency (an event before the instant it is measured from) is
 * not recorded but counted in [early].
 */
class LatencyHistogram {
    private val histogram = ConcurrentHistogram(1, 3_600_000_000L, 3)
    private val negative = LongAdder()

    fun recordNanos(nanos: Long) {
        if (nanos < 0) negative.increment() else histogram.recordValue((nanos / 1000).coerceAtLeast(1))
    }

    val count: Long get() = histogram.totalCount
    val early: Long get() = negative.sum()

    /** The [percentile] (0..100) in milliseconds, or null when nothing was recorded. */
    fun millisAt(percentile: Double): Double? = if (count == 0L) null else histogram.getValueAtPercentile(percentile) / 1000.0

    val maxMillis: Double? get() = if (count == 0L) null else histogram.maxValue / 1000.0
}
