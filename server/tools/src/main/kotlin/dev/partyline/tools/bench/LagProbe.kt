package dev.partyline.tools.bench

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch

/**
 * How late this load client itself runs: a coroutine that sleeps 10 ms at a time and records
 * how much longer each sleep took (busy dispatcher threads, GC pauses, a starved CPU). Large
 * lags here mean the measured latencies include the client's own delays, not only the server's.
 */
class LagProbe {
    val lag = LatencyHistogram()

    fun start(scope: CoroutineScope): Job = scope.launch(Dispatchers.Default) {
        while (isActive) {
            val before = System.nanoTime()
            delay(TICK_MILLIS)
            lag.recordNanos(System.nanoTime() - before - TICK_MILLIS * 1_000_000)
        }
    }

    private companion object {
        const val TICK_MILLIS = 10L
    }
}
