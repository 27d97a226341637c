package dev.partyline.tools.bench

import kotlinx.serialization.Serializable

/** One measured figure: what, how much (null when it could not be measured), in which unit, and the target if one is set. */
@Serializable
data class Figure(val metric: String, val value: Double?, val unit: String, val target: String? = null)

/** The machine a run happened on: the load client and, in these benches, the server too. */
@Serializable
data class MachineInfo(val cores: Int, val totalMemoryBytes: Long, val jvm: String, val os: String) {
    companion object {
        fun current(): MachineInfo {
            val os = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            val total = (os as? com.sun.management.OperatingSystemMXBean)?.totalMemorySize ?: -1L
            return MachineInfo(
                cores = Runtime.getRuntime().availableProcessors(),
                totalMemoryBytes = total,
                jvm = "${System.getProperty("java.vm.name")} ${System.getProperty("java.version")}",
                os = "${System.getProperty("os.name")} ${System.getProperty("os.version")} ${System.getProperty("os.arch")}",
            )
        }
    }
}

/**
 * The outcome of one bench run: its [figures], [notes] on how they were obtained, and the
 * [failures] that make the run count as failed (the command then exits non-zero).
 */
@Serializable
data class BenchReport(
    val scenario: String,
    val timestamp: String,
    val machine: MachineInfo,
    val settings: Map<String, String>,
    val figures: List<Figure>,
    val notes: List<String>,
    val failures: List<String>,
) {
    val ok: Boolean get() = failures.isEmpty()

    /** The figure named [metric], for tests and summaries. */
    fun value(metric: String): Double? = figures.first { it.metric == metric }.value
}
