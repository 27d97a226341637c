package dev.partyline.tools.bench

import java.time.Instant

/**
 * Turns `System.nanoTime()` stamps into epoch nanoseconds, to compare arrival times with the
 * server's epoch-millisecond deadlines (same machine, same clock): the offset is taken once.
 */
object EpochClock {
    private val offset: Long = Instant.now().let { it.epochSecond * 1_000_000_000L + it.nano } - System.nanoTime()

    fun epochNanos(nanoTime: Long): Long = nanoTime + offset
}
