package dev.partyline.server.reliability

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.startTestServer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeoutOrNull

/**
 * Clients that vanish mid-room, without `leave` or a goodbye, leave nothing behind: cycle after
 * cycle the server returns to no connections, no rooms, and the same heap after GC. Over TCP,
 * whose test client really closes its socket (the tests' WebSocket client keeps its connection
 * open after a cancel, which the server rightly treats as a silent peer until the idle timeout).
 */
class AbruptDropSpec : FunSpec({
    test("400 clients in 40 rooms dropped without leaving, 10 cycles: connections, rooms and heap return to baseline each cycle") {
        val server = startTestServer(ServerConfig(graceMillis = GRACE_MS))
        try {
            val heaps = mutableListOf<Long>()
            repeat(CYCLES) { cycle ->
                coroutineScope {
                    val rooms = (0 until ROOMS).map { async { TestRoom.open(server.tcpPort, ROOM_SIZE) } }.awaitAll()
                    server.metrics.openConnections() shouldBe ROOMS * ROOM_SIZE
                    server.rooms.count() shouldBe ROOMS
                    rooms.forEach { it.close() } // a TCP test client closes its socket: no leave, no goodbye
                }
                val settled = withTimeoutOrNull(10_000) {
                    while (server.metrics.openConnections() != 0 || server.rooms.count() != 0) delay(20)
                }
                if (settled == null) error("cycle $cycle: ${server.metrics.openConnections()} connections and ${server.rooms.count()} rooms left")
                heaps += heapAfterGc()
            }
            val growth = heaps.last() - heaps.first()
            println("AbruptDropSpec: heap after GC per cycle (MiB): ${heaps.joinToString { "%.1f".format(it / MIB) }}; growth over ${CYCLES - 1} cycles: ${"%.1f".format(growth / MIB)} MiB")
            (growth < 16 * MIB) shouldBe true // keeping 400 connections (≈ 7 KiB each) a cycle would add ≈ 25 MiB
        } finally {
            server.stop()
        }
    }
})

private const val CYCLES = 10
private const val ROOMS = 40
private const val ROOM_SIZE = 10
private const val GRACE_MS = 200L
