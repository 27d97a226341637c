package dev.partyline.server.reliability

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.RawWsTestClient
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeoutOrNull
import java.util.concurrent.atomic.AtomicInteger
import kotlin.time.TimeSource

/**
 * WebSocket clients that vanish at any phase (no close frame: a phone losing its network, some
 * with a FIN and some with a reset) leave nothing behind: within 2 s of each drop the server has
 * no connections and no rooms, and its heap after GC stays flat over the cycles.
 */
class WebSocketDropSpec : FunSpec({
    test("400 WebSocket clients vanishing at every phase, 10 cycles: connections and rooms back to 0 within 2 s, heap flat") {
        val server = startTestServer(ServerConfig(graceMillis = GRACE_MS))
        try {
            val heaps = mutableListOf<Long>()
            val settleTimes = mutableListOf<Long>()
            repeat(CYCLES) { cycle ->
                val clients = coroutineScope { Phase.entries.map { phase -> async { phase.reach(server) } }.awaitAll().flatten() }
                clients.size shouldBe CLIENTS
                server.metrics.openConnections() shouldBe CLIENTS
                val dropped = TimeSource.Monotonic.markNow()
                clients.forEach { it.close() }
                val settled = withTimeoutOrNull(SETTLE_MS) {
                    while (server.metrics.openConnections() != 0 || server.rooms.count() != 0) delay(10)
                }
                if (settled == null) {
                    error("cycle $cycle: ${server.metrics.openConnections()} connections and ${server.rooms.count()} rooms left ${SETTLE_MS} ms after the drop")
                }
                settleTimes += dropped.elapsedNow().inWholeMilliseconds
                heaps += heapAfterGc()
            }
            val growth = heaps.last() - heaps.first()
            println(
                "WebSocketDropSpec: back to 0 connections and rooms after (ms) ${settleTimes.joinToString()}; " +
                    "heap after GC per cycle (MiB): ${heaps.joinToString { "%.1f".format(it / MIB) }}; growth over ${CYCLES - 1} cycles: ${"%.1f".format(growth / MIB)} MiB",
            )
            (growth < 16 * MIB) shouldBe true // keeping 400 connections a cycle would add far more
        } finally {
            server.stop()
        }
    }
})

/** Where a client is when it vanishes; each phase brings [clients] clients there. */
private enum class Phase(val clients: Int) {
    /** Upgraded, nothing said yet. */
    BEFORE_HELLO(40) {
        override suspend fun reach(server: PartylineServer) = lone(server) { }
    },

    /** Welcomed, in no room. */
    AFTER_HELLO(40) {
        override suspend fun reach(server: PartylineServer) = lone(server) { it.hello(it.label) }
    },

    /** In quiz lobbies. */
    LOBBY(80) {
        override suspend fun reach(server: PartylineServer) = rooms(server) { }
    },

    /** In quizzes whose first question is open. */
    MID_GAME(80) {
        override suspend fun reach(server: PartylineServer) = rooms(server) { room ->
            room.host.send("""{"type":"start"}""")
            room.players.forEach { it.expect("question") }
        }
    },

    /** In lobbies where everyone has just sent a burst of chat: the server is writing it to them as they go. */
    BURST(80) {
        override suspend fun reach(server: PartylineServer) = rooms(server) { room ->
            (room.players + room.host).forEach { member -> repeat(BURST_CHATS) { member.send("""{"type":"chat","text":"burst $it"}""") } }
        }
    },

    /** In lobbies, each stopped halfway through sending a frame. */
    HALF_FRAME(80) {
        override suspend fun reach(server: PartylineServer) = rooms(server) { room ->
            (room.players + room.host).forEach { (it as RawWsTestClient).sendHalfFrame(declared = 300, sent = 40) }
        }
    };

    abstract suspend fun reach(server: PartylineServer): List<TestClient>

    protected suspend fun lone(server: PartylineServer, then: suspend (TestClient) -> Unit): List<TestClient> = coroutineScope {
        (0 until clients).map { i -> async { connect(server, "$name-$i").also { then(it) } } }.awaitAll()
    }

    protected suspend fun rooms(server: PartylineServer, then: suspend (TestRoom) -> Unit): List<TestClient> = coroutineScope {
        (0 until clients / ROOM_SIZE).map { r ->
            async { TestRoom.open(ROOM_SIZE) { label -> connect(server, "$name-$r-$label") }.also { then(it) } }
        }.awaitAll().flatMap { listOf(it.host) + it.players }
    }

    /** Every other client resets its connection rather than closing it. */
    private suspend fun connect(server: PartylineServer, label: String) =
        RawWsTestClient.connect(server.httpPort, label, reset = opened.incrementAndGet() % 2 == 0)
}

private val opened = AtomicInteger()
private val CLIENTS = Phase.entries.sumOf { it.clients }
private const val CYCLES = 10
private const val ROOM_SIZE = 10
private const val BURST_CHATS = 20
private const val GRACE_MS = 200L
private const val SETTLE_MS = 2_000L
