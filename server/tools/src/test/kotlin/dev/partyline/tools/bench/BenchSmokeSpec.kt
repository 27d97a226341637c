package dev.partyline.tools.bench

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.startTestServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.withTimeout
import java.io.File
import java.net.ServerSocket
import java.nio.file.Files
import kotlin.time.Duration.Companion.seconds

/**
 * Every scenario, small, against a real in-process server over real sockets (both transports):
 * everyone joins, nothing is lost, every answer is acked and every reveal arrives, and the
 * figures a person reads are there.
 */
class BenchSmokeSpec : FunSpec({
    lateinit var server: PartylineServer
    val dir = Files.createTempDirectory("bench").toFile()
    beforeSpec { server = startTestServer() }
    afterSpec {
        server.stop()
        dir.deleteRecursively()
    }

    fun settings(scenario: Scenario, transport: ClientTransport) = BenchSettings(
        scenario = scenario, httpPort = server.httpPort, tcpPort = server.tcpPort, transport = transport,
        out = File(dir, "${scenario.id}-${transport.id}.json").path, joinTimeoutSeconds = 20.0,
    )

    suspend fun bench(settings: BenchSettings): BenchReport = withTimeout(60.seconds) {
        BenchRunner(settings, print = {}).run().also { report ->
            report.failures shouldBe emptyList()
            File(settings.out).readText() shouldContain "\"scenario\": \"${settings.scenario.id}\""
        }
    }

    test("idle holds 40 WebSocket and then 40 TCP connections and reads the server's memory per connection") {
        for (transport in listOf(ClientTransport.WS, ClientTransport.TCP)) {
            val report = bench(settings(Scenario.IDLE, transport).copy(players = 40, durationSeconds = 1.0, drainSeconds = 0.5))
            report.value("clients joined") shouldBe 40.0
            report.value("connections held at the end") shouldBe 40.0
            report.value("server RSS per connection").shouldNotBeNull()
            report.value("connect+join per client p99").shouldNotBeNull() shouldBeGreaterThan 0.0
        }
    }

    test("fanout over mixed transports delivers every chat to every member of its room and measures the latency") {
        val report = bench(settings(Scenario.FANOUT, ClientTransport.MIXED).copy(players = 40, rate = 2.0, durationSeconds = 2.0, warmupSeconds = 0.5))
        report.value("lost deliveries") shouldBe 0.0
        report.value("deliveries received") shouldBe report.value("deliveries expected")
        report.value("deliveries expected")!! shouldBeGreaterThan 0.0
        report.value("delivery latency samples")!! shouldBeGreaterThan 0.0
        report.value("delivery latency p99").shouldNotBeNull()
    }

    test("classroom plays three rooms through two questions: every answer acked, every reveal after its deadline") {
        val report = bench(settings(Scenario.CLASSROOM, ClientTransport.MIXED).copy(rooms = 3, questions = 2, seconds = 5, revealSeconds = 0))
        report.value("answers sent") shouldBe 3.0 * 9 * 2
        report.value("answers acked") shouldBe report.value("answers sent")
        report.value("reveals received") shouldBe 3.0 * 10 * 2
        report.value("reveals before the deadline") shouldBe 0.0
        report.value("members who saw game_over") shouldBe 30.0
        report.value("answer-ack latency samples") shouldBe 54.0
    }

    test("stadium of 100 players acks every answer and reveals to every player") {
        val report = bench(settings(Scenario.STADIUM, ClientTransport.MIXED).copy(players = 100, questions = 1))
        report.value("answers sent") shouldBe 100.0
        report.value("answers acked") shouldBe 100.0
        report.value("reveals received") shouldBe 100.0
        report.value("reveal after the last answer samples") shouldBe 100.0
    }

    test("a race of 120 (a big one) plays to game_over for everyone, with standings instead of progress") {
        val report = bench(settings(Scenario.RACE, ClientTransport.MIXED).copy(players = 120))
        report.value("clients joined") shouldBe 120.0
        report.value("members who saw game_over") shouldBe 120.0
        report.value("flips answered (flipped)")!! shouldBeGreaterThan 0.0
        report.value("flip round trip samples") shouldBe report.value("flips answered (flipped)")
        report.value("pairs found")!! shouldBeGreaterThan 0.0
        report.value("standings received")!! shouldBeGreaterThan 0.0
        report.value("progress received") shouldBe 0.0
        report.value("game_over after the winning flip samples") shouldBe 120.0
    }

    test("a small race of 12 over TCP tells every pair to everyone as progress, and sends no standings") {
        val report = bench(settings(Scenario.RACE, ClientTransport.TCP).copy(players = 12, boardRows = 2, boardCols = 4))
        report.value("members who saw game_over") shouldBe 12.0
        report.value("progress received") shouldBe report.value("pairs found")!! * 12
        report.value("standings received") shouldBe 0.0
    }

    test("a bench against a port where no server listens fails and says why") {
        val closed = ServerSocket(0).use { it.localPort }
        val report = withTimeout(30.seconds) {
            BenchRunner(BenchSettings(Scenario.IDLE, httpPort = closed, tcpPort = closed, players = 4, durationSeconds = 0.0, out = File(dir, "none.json").path), print = {}).run()
        }
        report.ok shouldBe false
        report.failures.joinToString() shouldContain "0 of 4 clients joined"
        report.notes.joinToString() shouldContain "/metrics unavailable"
    }
})
