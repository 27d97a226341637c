package dev.partyline.tools.bench

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import kotlinx.serialization.json.Json

class ReportFormatSpec : FunSpec({
    val report = BenchReport(
        scenario = "fanout", timestamp = "2026-01-01T00:00:00Z",
        machine = MachineInfo(cores = 2, totalMemoryBytes = 24L shl 30, jvm = "OpenJDK 17", os = "Linux"),
        settings = mapOf("connections" to "10000"),
        figures = listOf(
            Figure("deliveries/s (measured window)", 9987.25, "1/s", "10,000"),
            Figure("delivery latency p99", 1.23456, "ms", "≤ 5 ms"),
            Figure("lost deliveries", 0.0, "count", "0"),
            Figure("server RSS", null, "MiB"),
        ),
        notes = listOf("one clock"),
        failures = emptyList(),
    )

    test("the table lines up every value right-aligned in one column, with its unit and target") {
        val lines = ReportFormat.table(report).lines()
        val header = lines.first { it.startsWith("metric") }
        val valueEnd = header.indexOf("value") + "value".length + 2 // "9,987.3" is two wider than "value"
        val rows = report.figures.map { figure -> lines.first { it.startsWith(figure.metric) } }
        rows.map { it.substring(0, valueEnd).trim().substringAfterLast("  ").trim() } shouldBe listOf("9,987.3", "1.235", "0", "n/a")
        rows.map { it.substring(valueEnd).trim() } shouldBe listOf("1/s    10,000", "ms     ≤ 5 ms", "count  0", "MiB")
        lines.last { it.isNotBlank() } shouldBe "result: ok"
    }

    test("a failed run says FAILED with each reason") {
        val failed = ReportFormat.table(report.copy(failures = listOf("3× error room_full")))
        failed shouldContain "FAILED: 3× error room_full"
        failed shouldNotContain "result: ok"
    }

    test("the JSON carries the same figures, settings and machine, and reads back") {
        val back = Json.decodeFromString(BenchReport.serializer(), ReportFormat.json(report))
        back shouldBe report
        ReportFormat.json(report) shouldContain "\"target\": \"≤ 5 ms\""
    }
})
