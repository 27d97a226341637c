package dev.partyline.server.reliability

import dev.partyline.server.e2e.ServerProcess
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import dev.partyline.server.results.GameFiles
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonPrimitive

/** A child server ([ServerProcess]) for a restart spec and the clients it connected, all closed by [close]. */
class RestartStage(databaseUrl: String?, vararg options: String) : AutoCloseable {
    val server = ServerProcess(databaseUrl, *options)
    private val clients = ArrayList<TestClient>()

    /** A new TCP client of the server, closed with the stage. */
    suspend fun connect(label: String): TestClient = TestClient.tcp(server.tcpPort, label).also { clients += it }

    /** Connects one client per name and says hello as it; returns the clients and their session tokens, by name. */
    suspend fun seat(names: List<String>): Pair<Map<String, TestClient>, Map<String, String>> {
        val seated = names.associateWith { connect(it) }
        return seated to seated.mapValues { (name, client) -> client.hello(name).str("session") }
    }

    /** Connects again as [name] and resumes with its session [token]; returns the client and the `room` snapshot it came back to. */
    suspend fun resume(name: String, token: String): Pair<TestClient, JsonObject> {
        val client = connect("$name again")
        client.send("""{"type":"hello","protocol":1,"session":"$token"}""")
        client.expect("welcome")["resumed"]!!.jsonPrimitive.content shouldBe "true"
        return client to client.expect("room")
    }

    /** Waits until the server's journal has stored [moves] moves: a kill may lose only what is newer. */
    suspend fun awaitMovesStored(moves: Int) =
        GameFiles.awaitUntil(5_000) { server.count("""SELECT COUNT(*) FROM journal WHERE line LIKE '%"input":"move"%'""") >= moves }

    override fun close() {
        clients.forEach { it.close() }
        server.close()
    }
}
