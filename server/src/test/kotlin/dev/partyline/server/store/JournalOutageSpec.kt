package dev.partyline.server.store

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TempDirs
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.joinRoom
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import dev.partyline.server.results.GameFiles
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import java.io.File

/**
 * The database stops mid-game (its PostgreSQL server shut down under the running server): the
 * game plays on to its `game_over`, the journal goes to the spill file meanwhile, and once the
 * database is back the file is written to it and the game's record is whole.
 */
class JournalOutageSpec : FunSpec({
    test("with the database stopped mid-game, the game finishes, the spill file keeps its journal, and the record is complete once the database is back") {
        val cluster = PostgresCluster.create()
        val dataDir = TempDirs.create("partyline-outage")
        val spill = File(dataDir, "journal-spill.jsonl")
        val server = startTestServer(ServerConfig(databaseUrl = cluster.url, dataDir = dataDir, storeTimeoutMillis = 1_000))
        val host = TestClient.tcp(server.tcpPort, "host")
        val ann = TestClient.tcp(server.tcpPort, "ann")
        val bob = TestClient.ws(server.httpPort, "bob")
        try {
            host.hello("host")
            ann.hello("ann")
            bob.hello("bob")
            host.send("""{"type":"create","game":"quiz","options":{"pack":"world","count":3,"shuffle":false,"revealSeconds":0}}""")
            val code = host.expect("room").str("code")
            ann.joinRoom(code)
            bob.joinRoom(code)
            host.send("""{"type":"start"}""")
            for (index in 0 until 3) {
                if (index == 1) cluster.stop() // the database goes away with the first question revealed
                for ((client, choice) in listOf(ann to 0, bob to 1)) {
                    val question = client.expect("question") { it.int("index") == index }
                    val answer = if (question.str("kind") == "typed") """"text":"guess"""" else """"choice":$choice"""
                    client.send("""{"type":"answer","index":$index,$answer}""")
                    client.expect("answer_ack")
                }
                host.expect("reveal") { it.int("index") == index }
            }
            val over = host.expect("game_over")

            GameFiles.awaitUntil(10_000) { spill.exists() && "\"entry\":\"finish\"" in spill.readText() }
            spill.readText() shouldContain "\"input\":\"move\""
            ApiClient(server.httpPort).get("/health").text shouldContain "\"status\":\"degraded\""

            cluster.start()
            val report = GameFiles.awaitReport(ApiClient(server.httpPort), over.str("report"), timeoutMs = 20_000)
            GameFiles.scores(report) shouldBe GameFiles.leaderboard(over)
            report.getValue("questions").jsonArray.map { q -> q.jsonObject.getValue("answers").jsonArray.size } shouldBe listOf(2, 2, 2)
            GameFiles.awaitUntil(10_000) { !spill.exists() }
        } finally {
            listOf(host, ann, bob).forEach { it.close() }
            server.stop()
        }
    }
})
