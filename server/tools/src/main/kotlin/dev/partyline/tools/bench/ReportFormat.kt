package dev.partyline.tools.bench

import kotlinx.serialization.json.Json
import java.util.Locale

/** Renders a [BenchReport] as a fixed-width table for people and as JSON for tools. */
object ReportFormat {
    private val json = Json { prettyPrint = true; encodeDefaults = true }

    fun json(report: BenchReport): String = json.encodeToString(BenchReport.serializer(), report)

    fun table(report: BenchReport): String {
        val rows = report.figures.map { listOf(it.metric, number(it.value), it.unit, it.target ?: "") }
        val header = listOf("metric", "value", "unit", "target")
        val widths = header.indices.map { c -> (rows.map { it[c] } + header[c]).maxOf { it.length } }
        fun line(cells: List<String>) = cells.mapIndexed { c, cell -> if (c == 1) cell.padStart(widths[c]) else cell.padEnd(widths[c]) }
            .joinToString("  ").trimEnd()
        return buildString {
            appendLine("bench ${report.scenario} — ${report.timestamp} — ${report.machine.cores} cores, " +
                "${report.machine.totalMemoryBytes / (1 shl 20)} MiB, ${report.machine.jvm}")
            appendLine(line(header))
            appendLine(widths.joinToString("  ") { "-".repeat(it) })
            rows.forEach { appendLine(line(it)) }
            report.notes.forEach { appendLine("note: $it") }
            if (report.ok) appendLine("result: ok") else report.failures.forEach { appendLine("FAILED: $it") }
        }
    }

    /** Whole numbers without decimals, small ones with three, larger ones with one; null as `n/a`. */
    fun number(value: Double?): String = when {
        value == null || value.isNaN() -> "n/a"
        value == Math.rint(value) && kotlin.math.abs(value) < 1e15 -> String.format(Locale.ROOT, "%,d", value.toLong())
        kotlin.math.abs(value) < 10 -> String.format(Locale.ROOT, "%.3f", value)
        else -> String.format(Locale.ROOT, "%,.1f", value)
    }
}
