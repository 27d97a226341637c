package dev.partyline.server.metrics

import io.micrometer.core.instrument.Gauge
import io.micrometer.core.instrument.MeterRegistry
import java.lang.management.ManagementFactory
import java.lang.management.MemoryType
import java.nio.file.Files
import java.nio.file.Path

/**
 * Process figures Micrometer's binders leave out and a benchmark needs: resident memory, heap in
 * use after the last collection, and the process id (so a local benchmark can ask the JVM for a
 * collection before it measures).
 */
object ProcessFigures {
    private val statm = Path.of("/proc/self/statm")
    private const val PAGE_BYTES = 4096.0

    fun bindTo(registry: MeterRegistry) {
        Gauge.builder("process.resident.memory", this) { residentBytes() }.baseUnit("bytes")
            .description("resident set size (Linux)").register(registry)
        Gauge.builder("jvm.heap.after.gc", this) { heapAfterGc() }.baseUnit("bytes")
            .description("heap in use right after each pool's last collection").register(registry)
        Gauge.builder("process.id", this) { ProcessHandle.current().pid().toDouble() }.register(registry)
    }

    private fun residentBytes(): Double = runCatching {
        Files.readString(statm).trim().split(' ')[1].toDouble() * PAGE_BYTES
    }.getOrDefault(Double.NaN)

    private fun heapAfterGc(): Double = ManagementFactory.getMemoryPoolMXBeans()
        .filter { it.type == MemoryType.HEAP }
        .sumOf { it.collectionUsage?.used ?: 0L }
        .toDouble()
}
