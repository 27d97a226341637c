package dev.partyline.tools.bench

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.LongAdder

/** What went wrong in a run, from any coroutine: each distinct message with how often it happened. */
class Failures {
    private val counts = ConcurrentHashMap<String, LongAdder>()

    fun add(message: String) {
        counts.computeIfAbsent(message.take(200)) { LongAdder() }.increment()
    }

    /** One line per distinct failure, most frequent first, e.g. `12× connect failed: ...`. */
    fun lines(): List<String> = counts.entries.map { it.key to it.value.sum() }
        .sortedByDescending { it.second }.map { (message, n) -> "${n}× $message" }
}
