package dev.partyline.tools.bench

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

class ServerSampleSpec : FunSpec({
    test("Prometheus text is read by name and labels, comments skipped") {
        val sample = ServerSample.parse(
            """
            # HELP partyline_connections open client connections
            # TYPE partyline_connections gauge
            partyline_connections{transport="tcp"} 3.0
            partyline_connections{transport="ws"} 4.0
            process_cpu_time_ns_total 1.98E9
            process_id 21792.0
            process_resident_memory_bytes 1.29814528E8
            """.trimIndent(),
        )
        sample.connections shouldBe 7.0
        sample.cpuNanos shouldBe 1.98e9
        sample.pid shouldBe 21792L
        sample.residentBytes shouldBe 129_814_528.0
        sample.heapAfterGcBytes shouldBe null
    }
})
