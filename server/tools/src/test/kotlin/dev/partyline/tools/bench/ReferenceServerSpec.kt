package dev.partyline.tools.bench

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import java.io.File
import java.net.ServerSocket
import java.nio.file.Files
import kotlin.time.Duration.Companion.seconds

/**
 * The Node `ws` reference server (`peers/ws-reference.js`, what `bench-reference.sh` measures
 * Partyline against) takes the bench's idle and fanout scenarios, small, over real sockets:
 * everyone joins, every chat reaches every member of its room, and the server figures the
 * ratios are made of (CPU per delivery, RSS per connection) are read from its `/metrics`.
 */
class ReferenceServerSpec : FunSpec({
    val dir = Files.createTempDirectory("bench-reference").toFile()
    val port = ServerSocket(0).use { it.localPort }
    lateinit var node: Process

    beforeSpec {
        node = ProcessBuilder("node", "peers/ws-reference.js", "--http-port", "$port").redirectErrorStream(true).start()
        withTimeout(15.seconds) {
            withContext(Dispatchers.IO) { node.inputStream.bufferedReader().lineSequence().first { "listening" in it } }
        }
    }
    afterSpec {
        node.destroyForcibly()
        dir.deleteRecursively()
    }

    fun settings(scenario: Scenario) = BenchSettings(
        scenario = scenario, httpPort = port, tcpPort = port, transport = ClientTransport.WS,
        out = File(dir, "${scenario.id}.json").path, joinTimeoutSeconds = 20.0,
    )

    suspend fun bench(settings: BenchSettings): BenchReport = withTimeout(60.seconds) {
        BenchRunner(settings, print = {}).run().also { it.failures shouldBe emptyList() }
    }

    test("fanout: every chat reaches every member of its room, and the reference's CPU per delivery is read") {
        val report = bench(settings(Scenario.FANOUT).copy(players = 40, rate = 2.0, durationSeconds = 2.0, warmupSeconds = 0.5))
        report.value("deliveries expected")!! shouldBeGreaterThan 0.0
        report.value("deliveries received") shouldBe report.value("deliveries expected")
        report.value("server CPU per delivery").shouldNotBeNull() shouldBeGreaterThan 0.0
    }

    test("idle: 40 connections join and are held, and the reference's memory per connection is read") {
        val report = bench(settings(Scenario.IDLE).copy(players = 40, durationSeconds = 1.0, drainSeconds = 0.5))
        report.value("connections held at the end") shouldBe 40.0
        report.value("server RSS per connection").shouldNotBeNull()
        report.value("server connections") shouldBe 40.0
    }
})
