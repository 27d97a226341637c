package dev.partyline.server.metrics

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.doubles.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** `/metrics` over real HTTP, while real TCP and WebSocket clients play. */
class MetricsSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer(ServerConfig(ratePerSecond = 1.0, rateBurst = 6)) }
    afterSpec { server.stop() }

    fun scrape(): Scrape {
        val response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI("http://127.0.0.1:${server.httpPort}/metrics")).build(),
            HttpResponse.BodyHandlers.ofString(),
        )
        response.statusCode() shouldBe 200
        response.headers().firstValue("content-type").get() shouldStartWith "text/plain"
        return Scrape(response.body())
    }

    /** Scrapes until [check] holds, for at most five seconds: counters settle a moment after the messages. */
    suspend fun eventually(check: (Scrape) -> Boolean): Scrape = withTimeout(5000) {
        var last = scrape()
        while (!check(last)) {
            delay(20)
            last = scrape()
        }
        last
    }

    test("connections by transport, rooms by game and state, messages and event latency are counted") {
        val host = TestClient.tcp(server.tcpPort, "host")
        val guest = TestClient.ws(server.httpPort, "guest")
        try {
            host.hello("host")
            host.send("""{"type":"create","game":"quiz","options":{"seconds":5}}""")
            val code = host.expect("room").str("code")
            guest.hello("guest")
            guest.send("""{"type":"join","room":"$code"}""")
            guest.expect("room")
            val lobby = eventually { it["partyline_rooms", "game=\"quiz\",state=\"lobby\""] == 1.0 }
            lobby["partyline_connections", "transport=\"tcp\""] shouldBe 1.0
            lobby["partyline_connections", "transport=\"ws\""] shouldBe 1.0

            host.send("""{"type":"chat","text":"hi"}""")
            guest.expect("chat")
            host.send("""{"type":"start"}""")
            guest.expect("question")
            val playing = eventually { it["partyline_rooms", "game=\"quiz\",state=\"playing\""] == 1.0 }
            playing["partyline_messages_in_total"]!! shouldBeGreaterThan 5.0
            playing["partyline_messages_out_total"]!! shouldBeGreaterThan 5.0
            playing["partyline_event_latency_seconds_count"]!! shouldBeGreaterThan 1.0
            playing["process_resident_memory_bytes"]!! shouldBeGreaterThan 1e6
            playing["jvm_heap_after_gc_bytes"]!! shouldBeGreaterThan 0.0
            playing["process_id"] shouldBe ProcessHandle.current().pid().toDouble()
        } finally {
            host.close()
            guest.close()
        }
        val after = eventually { it["partyline_connections", "transport=\"tcp\""] == 0.0 && it["partyline_connections", "transport=\"ws\""] == 0.0 }
        after["partyline_rooms", "game=\"quiz\",state=\"playing\""] shouldBe 1.0 // seats wait out the grace period
    }

    test("messages refused by the rate limit are counted") {
        val before = scrape()["partyline_rate_limited_total"] ?: 0.0
        TestClient.tcp(server.tcpPort, "flooder").use { flooder ->
            flooder.hello("flooder")
            repeat(12) { flooder.send("""{"type":"ping","t":$it}""") }
            flooder.expect("error") { it.str("code") == "rate_limited" }
        }
        eventually { (it["partyline_rate_limited_total"] ?: 0.0) >= before + 5 }
    }
})

/** One Prometheus text exposition, read by metric name and label set. */
private class Scrape(text: String) {
    private val values: Map<String, Double> = text.lineSequence()
        .filter { it.isNotBlank() && !it.startsWith("#") }
        .associate { line -> line.substringBeforeLast(' ') to line.substringAfterLast(' ').toDouble() }

    operator fun get(name: String, labels: String? = null): Double? = values[if (labels == null) name else "$name{$labels}"]
}
