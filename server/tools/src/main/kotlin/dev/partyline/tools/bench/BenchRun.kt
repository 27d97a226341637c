package dev.partyline.tools.bench

import java.time.Instant

/**
 * What a scenario works with while it runs: the [network], the server's [metrics], and what it
 * reports: [figures] and [notes] (added by the scenario's own coroutine only) and [failures]
 * (from any member).
 */
class BenchRun(val settings: BenchSettings) {
    val network = BenchNetwork(settings)
    val notes = mutableListOf<String>()
    val failures = Failures()
    val metrics = MetricsReader(settings, notes)
    private val figures = mutableListOf<Figure>()
    private val started = Instant.now()

    fun figure(metric: String, value: Double?, unit: String, target: String? = null) {
        figures += Figure(metric, value, unit, target)
    }

    fun figure(metric: String, value: Long?, unit: String, target: String? = null) = figure(metric, value?.toDouble(), unit, target)

    /** Adds a latency histogram's p50, p99, p99.9 and max as four figures named `[name] p50` and so on. */
    fun latency(name: String, histogram: LatencyHistogram, p99Target: String? = null) {
        figure("$name samples", histogram.count, "count")
        figure("$name p50", histogram.millisAt(50.0), "ms")
        figure("$name p99", histogram.millisAt(99.0), "ms", p99Target)
        figure("$name p99.9", histogram.millisAt(99.9), "ms")
        figure("$name max", histogram.maxMillis, "ms")
    }

    /** Server CPU between two samples, in percent of one core, or null without both samples. */
    fun cpuPercent(from: ServerSample?, to: ServerSample?): Double? {
        val cpu = delta(from?.cpuNanos, to?.cpuNanos) ?: return null
        val wall = (to!!.nanos - from!!.nanos).toDouble()
        return if (wall <= 0) null else 100.0 * cpu / wall
    }

    fun delta(from: Double?, to: Double?): Double? = if (from == null || to == null) null else to - from

    /** The server-side figures every scenario reports, between [from] and [to]. */
    fun serverFigures(from: ServerSample?, to: ServerSample?) {
        figure("server CPU, whole run", cpuPercent(from, to), "% of a core")
        figure("server RSS", to?.residentBytes?.div(1 shl 20), "MiB")
        figure("server connections", to?.connections, "count")
        figure("server outbox drops", delta(from?.outboxDrops, to?.outboxDrops), "count", "0")
        figure("server rate-limited", delta(from?.rateLimited, to?.rateLimited), "count", "0")
    }

    fun report(): BenchReport = BenchReport(
        scenario = settings.scenario.id,
        timestamp = started.toString(),
        machine = MachineInfo.current(),
        settings = settings.describe(),
        figures = figures.toList(),
        notes = notes.toList() + "client sockets: Netty ${network.kind}, ${settings.sources} source addresses from 127.0.0.2",
        failures = failures.lines(),
    )
}

/** Adds how seating went: clients joined, the wall time for all, and each client's connect+join time. */
fun BenchRun.seatingFigures(seating: Seating, crowd: Crowd) {
    figure("clients joined", seating.joined.toLong(), "count", "${seating.wanted}")
    figure("connect+join, all clients", seating.wallNanos / 1e9, "s", if (seating.wanted >= 10_000) "≤ 3 (10,000)" else null)
    latency("connect+join per client", crowd.joins)
}
