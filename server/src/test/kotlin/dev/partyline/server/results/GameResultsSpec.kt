package dev.partyline.server.results

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.createMemory
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.joinRoom
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import dev.partyline.server.results.GameFiles.isNotFound
import dev.partyline.server.store.StoreBackend
import dev.partyline.shared.game.memory.Faces
import dev.partyline.shared.game.replay.ReplayFile
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long

/**
 * API.md's Results on both stores: a quiz and a memory game played over real sockets, then the
 * report, the CSV and the workbook (parsed here) hold exactly the scores of `game_over`, with
 * every answer; a signed-in host's game is theirs alone, an anonymous host's opens with its key.
 */
class GameResultsSpec : FunSpec({
    for (backend in StoreBackend.entries) context("on $backend") {
        val server: PartylineServer = startTestServer(backend.config())
        afterSpec { server.stop() }

        test("a signed-in host's quiz: the report, CSV and XLSX hold game_over's scores and every answer, and nobody else sees them") {
            val owner = ApiClient(server.httpPort).also { it.signUp("teacher_$backend") }
            val token = owner.post("/api/tokens", """{"label":"quizbot"}""")["token"]!!.jsonPrimitive.content
            val host = TestClient.tcp(server.tcpPort, "host")
            val bob = TestClient.tcp(server.tcpPort, "bob")
            val cy = TestClient.ws(server.httpPort, "cy")
            try {
                host.send("""{"type":"hello","name":"teacher","protocol":1,"token":"$token"}""")
                host.expect("welcome")
                bob.hello("bob")
                cy.hello("cy", bot = true)
                host.send("""{"type":"create","game":"quiz","options":{"questions":$QUESTIONS,"revealSeconds":0}}""")
                val code = host.expect("room").str("code")
                bob.joinRoom(code)
                cy.joinRoom(code)
                host.send("""{"type":"start"}""")
                val points = mutableMapOf("bob" to 0, "cy" to 0)
                ANSWERS.forEachIndexed { i, (bobAnswer, cyAnswer) ->
                    bob.expect("question") { it.int("index") == i }
                    cy.expect("question") { it.int("index") == i }
                    bob.send("""{"type":"answer","index":$i,$bobAnswer}""")
                    bob.expect("answer_ack")
                    cy.send("""{"type":"answer","index":$i,$cyAnswer}""")
                    cy.expect("answer_ack")
                    bob.expect("reveal") { it.int("index") == i }
                }
                val over = host.expect("game_over")
                bob.expect("game_over").containsKey("report") shouldBe false
                val url = over.str("report")
                url shouldStartWith "/api/games/"
                (url.contains("key=")) shouldBe false

                val report = GameFiles.awaitReport(owner, url)
                GameFiles.scores(report) shouldBe GameFiles.leaderboard(over)
                val players = report.getValue("players").jsonArray.map { it.jsonObject }.associateBy { it.str("name") }
                players.getValue("cy")["bot"]!!.jsonPrimitive.boolean shouldBe true
                players.getValue("bob")["bot"]!!.jsonPrimitive.boolean shouldBe false
                players.getValue("bob").int("correct") shouldBe 4
                players.getValue("cy").int("correct") shouldBe 1
                over.getValue("leaderboard").jsonArray.forEach { s -> players.getValue(s.jsonObject.str("name")).int("rank") shouldBe s.jsonObject.int("rank") }

                val questions = report.getValue("questions").jsonArray.map { it.jsonObject }
                questions.size shouldBe 4
                val first = questions[0].answers()
                first.getValue("bob").str("answer") shouldBe "Transport"
                first.getValue("cy").str("answer") shouldBe "Link"
                first.getValue("bob")["correct"]!!.jsonPrimitive.boolean shouldBe true
                first.getValue("cy").int("points") shouldBe 0
                questions[0].getValue("distribution").jsonArray.map { it.jsonPrimitive.int } shouldBe listOf(1, 1, 0)
                questions[3].answers().getValue("cy").str("answer") shouldBe "threading"
                questions[3].answers().getValue("bob").str("answer") shouldBe "  AsyncIO "
                for (q in questions) for (a in q.answers().values) (a["timeMs"]!!.jsonPrimitive.long in 0..30_000L) shouldBe true
                // Per player, the points of their answers add up to their final score.
                for (name in listOf("bob", "cy")) questions.sumOf { it.answers().getValue(name).int("points") } shouldBe GameFiles.leaderboard(over).getValue(name)
                report.int("hardest") shouldBe 0

                val id = report.str("id")
                val csv = GameFiles.csvSections(owner.download("/api/games/$id/results.csv").also { it.status shouldBe 200 }.bytes)
                csv.size shouldBe 2
                csv[0].first() shouldBe ResultTables.QUIZ_SUMMARY
                csv[0].drop(1).associate { it[1] to it[3].toInt() } shouldBe GameFiles.leaderboard(over)
                csv[1].first() shouldBe ResultTables.ANSWERS
                csv[1].size shouldBe 1 + 4 * 2
                csv[1].drop(1).groupBy { it[2] }.mapValues { (_, rows) -> rows.sumOf { it[6].toInt() } } shouldBe GameFiles.leaderboard(over)
                csv[1].drop(1).count { it[4] == "yes" } shouldBe 5

                val sheets = GameFiles.xlsxSheets(owner.download("/api/games/$id/results.xlsx").also { it.status shouldBe 200 }.bytes)
                sheets.keys shouldBe setOf("Summary", "Answers")
                sheets.getValue("Summary").drop(1).associate { it[1] to it[3].toInt() } shouldBe GameFiles.leaderboard(over)
                sheets.getValue("Answers").drop(1).groupBy { it[2] }.mapValues { (_, rows) -> rows.sumOf { it[6].toInt() } } shouldBe GameFiles.leaderboard(over)

                val replay = ReplayFile.parse(String(owner.download("/api/games/$id/replay.jsonl").bytes))
                replay.header.game shouldBe "quiz"
                replay.header.room shouldBe code

                val listed = owner.get("/api/games")["games"]!!.jsonArray.map { it.jsonObject }
                listed.single { it.str("id") == id }.int("players") shouldBe 2
                val stranger = ApiClient(server.httpPort).also { it.signUp("stranger_$backend") }
                stranger.get("/api/games")["games"]!!.jsonArray.shouldBeEmpty()
                for (path in listOf("", "/results.csv", "/results.xlsx", "/replay.jsonl")) {
                    stranger.get("/api/games/$id$path").isNotFound() shouldBe true
                    ApiClient(server.httpPort).get("/api/games/$id$path").isNotFound() shouldBe true
                }
                ApiClient(server.httpPort).get("/api/games").status shouldBe 401
            } finally {
                listOf(host, bob, cy).forEach { it.close() }
            }
        }

        test("an anonymous host's memory game: the key in game_over's report opens the report and files, and nothing else does") {
            val seed = 99L
            val deck = Faces.deal(2, seed)
            val mate = deck.indices.single { it != 0 && deck[it] == deck[0] }
            val others = deck.indices.filter { it != 0 && it != mate }
            val host = TestClient.tcp(server.tcpPort, "host")
            val bob = TestClient.tcp(server.tcpPort, "bob")
            try {
                host.hello("hana")
                bob.hello("bob")
                val code = host.createMemory("""{"rows":2,"cols":2,"seed":$seed}""")
                bob.joinRoom(code)
                host.send("""{"type":"start"}""")
                for (card in listOf(0, mate) + others) {
                    host.send("""{"type":"flip","card":$card}""")
                    host.expect("flipped") { it.int("card") == card }
                }
                val over = host.expect("game_over")
                bob.expect("game_over").containsKey("report") shouldBe false
                val url = over.str("report")
                val key = url.substringAfter("?key=")
                key.length shouldBe 22

                val anyone = ApiClient(server.httpPort)
                val report = GameFiles.awaitReport(anyone, url)
                GameFiles.scores(report) shouldBe GameFiles.leaderboard(over)
                val hana = report.getValue("players").jsonArray.map { it.jsonObject }.single { it.str("name") == "hana" }
                hana.int("flips") shouldBe 4
                hana.int("turns") shouldBe 1
                report.getValue("memory").jsonObject.int("pairs") shouldBe 2
                report.getValue("downloads").jsonObject.str("csv") shouldBe "/api/games/${report.str("id")}/results.csv?key=$key"

                val csv = GameFiles.csvSections(anyone.download(report.getValue("downloads").jsonObject.str("csv")).bytes)
                csv.single().first() shouldBe ResultTables.MEMORY_SUMMARY
                csv.single().drop(1).associate { it[1] to it[3].toInt() } shouldBe GameFiles.leaderboard(over)
                val sheets = GameFiles.xlsxSheets(anyone.download(report.getValue("downloads").jsonObject.str("xlsx")).bytes)
                sheets.getValue("Summary").drop(1).associate { it[1] to it[3].toInt() } shouldBe GameFiles.leaderboard(over)
                anyone.download(report.getValue("downloads").jsonObject.str("replay")).status shouldBe 200

                val id = report.str("id")
                val signedIn = ApiClient(server.httpPort).also { it.signUp("nosy_$backend") }
                for (path in listOf("", "/results.csv", "/results.xlsx", "/replay.jsonl")) {
                    anyone.get("/api/games/$id$path").isNotFound() shouldBe true
                    anyone.get("/api/games/$id$path?key=${key.reversed()}").isNotFound() shouldBe true
                    signedIn.get("/api/games/$id$path").isNotFound() shouldBe true
                }
                anyone.get("/api/games/nosuchgame?key=$key").isNotFound() shouldBe true
            } finally {
                listOf(host, bob).forEach { it.close() }
            }
        }
    }
})

private fun JsonObject.answers(): Map<String, JsonObject> =
    getValue("answers").jsonArray.map { it.jsonObject }.associateBy { it.str("name") }

private val QUESTIONS = """[
    {"kind":"single","text":"Which layer does TCP belong to?","choices":["Link","Transport","Application"],"answer":[1]},
    {"kind":"multi","text":"Which are transport protocols?","choices":["TCP","UDP","HTTP","QUIC"],"answer":[0,1,3],"points":2000},
    {"kind":"truefalse","text":"select() can wait on many sockets at once.","answer":[0]},
    {"kind":"typed","text":"Which Python module gives start_server?","accept":["asyncio"],"seconds":30}
]""".replace("\n", "")

private val ANSWERS = listOf(
    """"choice":1""" to """"choice":0""",
    """"choices":[3,0,1]""" to """"choices":[0,1]""",
    """"choice":0""" to """"choice":0""",
    """"text":"  AsyncIO """" to """"text":"threading"""",
)
