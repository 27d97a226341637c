package dev.partyline.server.reliability

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope

/** A quiz lobby over TCP: [host] created it, and [players] joined it. */
class TestRoom(val code: String, val host: TestClient, val players: List<TestClient>) : AutoCloseable {
    override fun close() {
        host.close()
        players.forEach { it.close() }
    }

    companion object {
        /** Opens a room of [size] members (the host among them) on [tcpPort], the players joining at once. */
        suspend fun open(tcpPort: Int, size: Int): TestRoom = coroutineScope {
            val host = TestClient.tcp(tcpPort, "host")
            host.hello("host")
            host.send("""{"type":"create","game":"quiz","options":{"maxPlayers":$size}}""")
            val code = host.expect("room").str("code")
            val players = (1 until size).map { i ->
                async {
                    TestClient.tcp(tcpPort, "p$i").also {
                        it.hello("p$i")
                        it.send("""{"type":"join","room":"$code"}""")
                        it.expect("room")
                    }
                }
            }.awaitAll()
            TestRoom(code, host, players)
        }
    }
}
