package dev.partyline.tools.bench

/**
 * One scrape of the server's `/metrics` (Prometheus text): every sample by its name with labels,
 * e.g. `partyline_connections{transport="ws"}`, taken at [nanos].
 */
class ServerSample(val values: Map<String, Double>, val nanos: Long = System.nanoTime()) {
    operator fun get(name: String): Double? = values[name]

    val residentBytes get() = this["process_resident_memory_bytes"]
    val heapAfterGcBytes get() = this["jvm_heap_after_gc_bytes"]
    val cpuNanos get() = this["process_cpu_time_ns_total"]
    val pid: Long? get() = this["process_id"]?.toLong()
    val outboxDrops get() = this["partyline_outbox_drops_total"]
    val messagesOut get() = this["partyline_messages_out_total"]
    val rateLimited get() = this["partyline_rate_limited_total"]
    val timersRun get() = this["partyline_timer_lateness_seconds_count"]
    val timerLatenessMaxSeconds get() = this["partyline_timer_lateness_seconds_max"]

    /** Room timers handled at most [millis] late so far; [millis] must be one of the server's buckets (1, 2, 5, 10, 20, 50, 100, 250, 1000). */
    fun timersWithin(millis: Int): Double? = this["partyline_timer_lateness_seconds_bucket{le=\"${millis / 1000.0}\"}"]

    /** Open connections the server counts, both transports together. */
    val connections: Double? get() {
        val tcp = this["partyline_connections{transport=\"tcp\"}"]
        val ws = this["partyline_connections{transport=\"ws\"}"]
        return if (tcp == null && ws == null) null else (tcp ?: 0.0) + (ws ?: 0.0)
    }

    companion object {
        /** Reads Prometheus text: `name{labels} value` lines; comments and unparsable lines are skipped. */
        fun parse(text: String, nanos: Long = System.nanoTime()): ServerSample = ServerSample(
            text.lineSequence().filter { it.isNotBlank() && !it.startsWith("#") }.mapNotNull { line ->
                val cut = line.lastIndexOf(' ')
                if (cut <= 0) null else line.substring(cut + 1).toDoubleOrNull()?.let { line.substring(0, cut).trim() to it }
            }.toMap(),
            nanos,
        )
    }
}
