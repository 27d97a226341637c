package dev.partyline.server.jmh

import org.openjdk.jmh.annotations.AuxCounters
import org.openjdk.jmh.annotations.Level
import org.openjdk.jmh.annotations.Scope
import org.openjdk.jmh.annotations.Setup
import org.openjdk.jmh.annotations.State
import java.lang.management.ManagementFactory

/**
 * What the timed part of a run cost the whole benchmark JVM (rooms, producers, GC and JIT
 * threads alike), which JMH reports per second of timed run. Divided by the score they give
 * CPU nanoseconds and allocated bytes per command, figures that other load on the machine
 * disturbs far less than the score; `-prof gc` would count the untimed opening of the rooms
 * too. JMH reads every public member as a counter, so this class holds nothing else.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
open class RunCost {
    /** CPU time: 2e9 per second means both cores of a 2-core box were busy. */
    @JvmField
    var cpuNanos = 0L

    /** Heap allocated by all live threads. */
    @JvmField
    var allocatedBytes = 0L

    @Setup(Level.Iteration)
    fun reset() {
        cpuNanos = 0
        allocatedBytes = 0
    }
}

/** Runs [work] and adds its CPU time and allocation to [cost]. */
inline fun metered(cost: RunCost, work: () -> Unit) {
    val cpu = JvmMeter.cpuNanos()
    val bytes = JvmMeter.allocatedBytes()
    work()
    cost.cpuNanos += JvmMeter.cpuNanos() - cpu
    cost.allocatedBytes += JvmMeter.allocatedBytes() - bytes
}

/** The process's CPU time and the bytes its live threads have allocated so far. */
object JvmMeter {
    private val os = ManagementFactory.getOperatingSystemMXBean() as com.sun.management.OperatingSystemMXBean
    private val threads = ManagementFactory.getThreadMXBean() as com.sun.management.ThreadMXBean

    fun cpuNanos(): Long = os.processCpuTime

    fun allocatedBytes(): Long = threads.getThreadAllocatedBytes(threads.allThreadIds).sumOf { it.coerceAtLeast(0) }
}
