package dev.partyline.server.reliability

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope

/** A quiz lobby: [host] created it, and [players] joined it. */
class TestRoom(val code: String, val host: TestClient, val players: List<TestClient>) : AutoCloseable {
    override fun close() {
        host.close()
        players.forEach { it.close() }
    }

    companion object {
        /** Opens a room of [size] members (the host among them) over TCP on [tcpPort], the players joining at once. */
        suspend fun open(tcpPort: Int, size: Int): TestRoom = open(size) { label -> TestClient.tcp(tcpPort, label) }

        /** Opens a room of [size] members (the host among them), each on a client from [connect], the players joining at once. */
        suspend fun open(size: Int, connect: suspend (label: String) -> TestClient): TestRoom = coroutineScope {
            val host = connect("host")
            host.hello("host")
            host.send("""{"type":"create","game":"quiz","options":{"maxPlayers":$size}}""")
            val code = host.expect("room").str("code")
            val players = (1 until size).map { i ->
                async {
                    connect("p$i").also {
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
