package dev.partyline.server.reliability

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.ktor.network.sockets.openReadChannel
import io.ktor.network.sockets.openWriteChannel
import io.ktor.utils.io.readAvailable
import io.ktor.utils.io.writeStringUtf8
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout

/**
 * A slowloris: 1,000 connections each send half an HTTP request and then one more header line a
 * second, forever. Each is closed when the request deadline passes, while a player meanwhile
 * joins and chats over WebSocket and the API answers.
 */
class SlowlorisSpec : FunSpec({
    test("1,000 dribbled requests are all closed at the request deadline while a normal player still plays") {
        val deadline = 3_000L
        val server = startTestServer(ServerConfig(requestDeadlineMillis = deadline))
        try {
            coroutineScope {
                val closedAfter = (1..CONNECTIONS).map { async { dribble(server.httpPort) } }
                delay(500)
                val player = launch {
                    TestClient.ws(server.httpPort, "player").use { player ->
                        player.hello("patient")
                        player.send("""{"type":"create","game":"quiz"}""")
                        player.expect("room")
                        player.send("""{"type":"chat","text":"still here"}""")
                        player.expect("chat").str("text") shouldBe "still here"
                    }
                    ApiClient(server.httpPort).get("/health").status shouldBe 200
                }
                val times = withTimeout(deadline + 10_000) { closedAfter.awaitAll() }
                player.join()
                println("SlowlorisSpec: $CONNECTIONS dribbled requests closed after %d..%d ms (deadline %d ms)".format(times.min(), times.max(), deadline))
                times.min() shouldBeGreaterThanOrEqual deadline / 2 // measured from the client's connect, which may resume late under load
                times.max() shouldBeLessThan deadline + 3_000
            }
        } finally {
            server.stop()
        }
    }
})

private const val CONNECTIONS = 1_000

/** Sends half a request, then a header line a second until the server closes; returns how long after connecting that was, in ms. */
private suspend fun dribble(port: Int): Long {
    val socket = TestClient.connectTcp(port)
    val connected = System.nanoTime()
    try {
        val output = socket.openWriteChannel(autoFlush = true)
        val input = socket.openReadChannel()
        output.writeStringUtf8("GET /health HTTP/1.1\r\nHost: 127.0.0.1:$port\r\n")
        coroutineScope {
            val writer = launch {
                var n = 0
                while (true) {
                    delay(1_000)
                    runCatching { output.writeStringUtf8("X-Slow-${n++}: y\r\n") }.onFailure { return@launch }
                }
            }
            val buffer = ByteArray(1024)
            var read: Int
            do {
                read = runCatching { input.readAvailable(buffer, 0, buffer.size) }.getOrDefault(-1)
            } while (read >= 0)
            writer.cancel()
        }
        return (System.nanoTime() - connected) / 1_000_000
    } finally {
        socket.close()
    }
}
