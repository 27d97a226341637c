package dev.partyline.server.reliability

import dev.partyline.server.e2e.ServerProcess
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.long
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import dev.partyline.server.results.GameFiles
import dev.partyline.server.store.StoreBackend
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.replay.ReplayFile
import dev.partyline.shared.game.replay.Replayer
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.delay
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * A quiz whose server stops mid-question — gracefully (SIGTERM) or killed (SIGKILL) — and starts
 * again on the same data: the players resume with their session tokens, the question keeps its
 * deadline, the answers given before the stop keep their points and streaks, a server bot plays
 * on, and the game ends with the `game_over` its replay file gives, as a game without a restart would.
 */
class RestartSpec : FunSpec({
    val codec = WireCodec(Games.all)

    /** Downloads the replay file of the game behind [report] and checks it gives each player (by id) the `game_over` in [overs]. */
    suspend fun replaysTo(server: ServerProcess, report: String, overs: Map<String, JsonObject>) {
        val api = ApiClient(server.httpPort)
        GameFiles.awaitReport(api, report)
        val id = report.substringAfter("/api/games/").substringBefore('?')
        val replayed = Replayer(Games.all).run(ReplayFile.parse(String(api.download("/api/games/$id/replay.jsonl?${report.substringAfter('?')}").bytes)))
        for ((player, over) in overs) withClue(player) {
            val expected = replayed.gameOver(PlayerId(player)).shouldNotBeNull()
            Json.parseToJsonElement(codec.encode(expected)).jsonObject shouldBe JsonObject(over - "seq" - "report")
        }
    }

    for (backend in StoreBackend.entries) for (graceful in listOf(true, false)) {
        test("$backend: a quiz survives its server being ${if (graceful) "stopped (SIGTERM)" else "killed (SIGKILL)"} mid-question") {
            RestartStage(backend.config().databaseUrl, "--bot-think-ms", "30").use { stage ->
                val server = stage.server
                server.start()
                val names = listOf("host", "ann", "bob", "cy")
                val (first, tokens) = stage.seat(names)
                val ids = tokens.mapValues { it.value.substringBefore('.') } // a token is the player's id, a dot, and its secret
                val questions = """[{"kind":"truefalse","text":"Q1","answer":[0],"seconds":60},{"kind":"truefalse","text":"Q2","answer":[0],"seconds":60}]"""
                first.getValue("host").send("""{"type":"create","game":"quiz","options":{"questions":$questions,"revealSeconds":0,"hostPlays":false}}""")
                val code = first.getValue("host").expect("room").str("code")
                for (n in names.drop(1)) {
                    first.getValue(n).send("""{"type":"join","room":"$code"}""")
                    first.getValue(n).expect("room")
                }
                first.getValue("host").send("""{"type":"add_bot","name":"Robo"}""")
                first.getValue("host").expect("player_joined")
                first.getValue("host").send("""{"type":"start"}""")
                val deadline = first.getValue("ann").expect("question").long("deadline")
                first.getValue("ann").send("""{"type":"answer","index":0,"choice":0}""")
                first.getValue("ann").expect("answer_ack")
                first.getValue("bob").send("""{"type":"answer","index":0,"choice":1}""")
                first.getValue("bob").expect("answer_ack")
                stage.awaitMovesStored(2)

                if (graceful) {
                    server.terminate()
                    for (n in names) first.getValue(n).expect("goodbye").str("reason") shouldBe "shutdown"
                } else {
                    server.kill()
                }
                for (n in names) first.getValue(n).awaitClosed()
                first.values.forEach { client -> client.recorded.none { "\"game_over\"" in it } shouldBe true } // handed over, not ended
                server.start()

                val again = names.associateWith { n ->
                    withClue(n) {
                        val (client, room) = stage.resume(n, tokens.getValue(n))
                        room.str("state") shouldBe "playing"
                        val question = room["question"]!!.jsonObject
                        question.int("index") shouldBe 0
                        question.long("deadline") shouldBe deadline
                        room["answered"]!!.jsonPrimitive.content shouldBe (n == "ann" || n == "bob").toString()
                        val bot = room["players"]!!.jsonArray.map { it.jsonObject }.single { it.str("name") == "Robo" }
                        bot.str("connected") shouldBe "true"
                        client
                    }
                }
                again.getValue("cy").send("""{"type":"answer","index":0,"choice":0}""")
                val reveal = again.getValue("ann").expect("reveal") { it.int("index") == 0 }
                val results = reveal["results"]!!.jsonArray.map { it.jsonObject }.associateBy { it.str("player") }
                results.getValue(ids.getValue("ann")).int("points") shouldBeGreaterThan 0
                results.getValue(ids.getValue("bob")).str("correct") shouldBe "false"
                results.getValue(ids.getValue("cy")).str("correct") shouldBe "true"

                for (n in names.drop(1)) {
                    again.getValue(n).expect("question") { it.int("index") == 1 } // the next question opens on the reveal's timer
                    again.getValue(n).send("""{"type":"answer","index":1,"choice":0}""")
                }
                val last = again.getValue("ann").expect("reveal") { it.int("index") == 1 }
                val annLast = last["results"]!!.jsonArray.map { it.jsonObject }.single { it.str("player") == ids.getValue("ann") }
                annLast.int("streak") shouldBe 2

                val overs = names.associateWith { again.getValue(it).expect("game_over") }
                replaysTo(server, overs.getValue("host").str("report"), overs.mapKeys { ids.getValue(it.key) })
                overs.getValue("ann").str("seq").toLong() shouldBeGreaterThan 1_000L // numbering goes on past the restart, never back
            }
        }
    }

    test("a question whose deadline passes while the server is down ends as soon as it is back, with its reveal, and the next one starts") {
        RestartStage(null).use { stage ->
            val server = stage.server
            server.start()
            val (first, tokens) = stage.seat(listOf("ann", "bob")) // bob does not answer: the question waits for its deadline
            val ann = first.getValue("ann")
            val questions = """[{"kind":"truefalse","text":"Q1","answer":[0],"seconds":5},{"kind":"truefalse","text":"Q2","answer":[0],"seconds":60}]"""
            ann.send("""{"type":"create","game":"quiz","options":{"questions":$questions,"revealSeconds":0,"hostPlays":true}}""")
            val code = ann.expect("room").str("code")
            first.getValue("bob").send("""{"type":"join","room":"$code"}""")
            first.getValue("bob").expect("room")
            ann.send("""{"type":"start"}""")
            val deadline = ann.expect("question").long("deadline")
            ann.send("""{"type":"answer","index":0,"choice":0}""")
            ann.expect("answer_ack")
            stage.awaitMovesStored(1)
            server.kill()
            delay(deadline - System.currentTimeMillis() + 100) // the deadline passes while no server runs
            server.start()

            val (_, room) = stage.resume("ann", tokens.getValue("ann"))
            room["question"]!!.jsonObject.int("index") shouldBe 1
            val players = room["players"]!!.jsonArray.map { it.jsonObject }.associate { it.str("name") to it.int("score") }
            players.getValue("ann") shouldBeGreaterThan 0
            players.getValue("bob") shouldBe 0
        }
    }

    test("a memory game killed while a miss is showing turns the pair down on time after the restart and plays to the game_over its replay gives") {
        RestartStage(null).use { stage ->
            val server = stage.server
            server.start()
            val (first, tokens) = stage.seat(listOf("ann", "bob"))
            val ids = tokens.mapValues { it.value.substringBefore('.') }
            val ann = first.getValue("ann")
            ann.send("""{"type":"create","game":"memory","options":{"rows":2,"cols":2,"seed":7,"missMillis":10000,"turnSeconds":60}}""")
            val code = ann.expect("room").str("code")
            first.getValue("bob").send("""{"type":"join","room":"$code"}""")
            first.getValue("bob").expect("room")
            ann.send("""{"type":"start"}""")
            ann.expect("board").str("turn") shouldBe ids.getValue("ann")
            val faces = HashMap<Int, String>()
            for (card in 0..1) {
                ann.send("""{"type":"flip","card":$card}""")
                faces[card] = ann.expect("flipped").str("face")
            }
            val hideAt = ann.expect("miss").long("hideAt")
            stage.awaitMovesStored(2)
            server.kill()
            server.start()

            val (annAgain, _) = stage.resume("ann", tokens.getValue("ann"))
            val (bobAgain, bobRoom) = stage.resume("bob", tokens.getValue("bob"))
            val board = bobRoom["board"]!!.jsonObject
            if (board["faceUp"]!!.jsonObject.isNotEmpty()) { // as it should be, unless the restart took longer than the miss shows
                board["faceUp"]!!.jsonObject.keys shouldBe setOf("0", "1")
                board.long("hideAt") shouldBe hideAt
                bobAgain.expect("hide", timeoutMs = 12_000)
                (System.currentTimeMillis() >= hideAt) shouldBe true
                bobAgain.expect("turn").str("player") shouldBe ids.getValue("bob")
            } else {
                (System.currentTimeMillis() >= hideAt) shouldBe true
                board.str("turn") shouldBe ids.getValue("bob")
            }
            for (card in 2..3) {
                bobAgain.send("""{"type":"flip","card":$card}""")
                faces[card] = bobAgain.expect("flipped").str("face")
            }
            annAgain.expect("turn", timeoutMs = 15_000) { it.str("player") == ids.getValue("ann") } // after bob's miss turns down
            for ((a, b) in faces.keys.groupBy { faces.getValue(it) }.values.map { it[0] to it[1] }) {
                annAgain.send("""{"type":"flip","card":$a}""")
                annAgain.send("""{"type":"flip","card":$b}""")
                annAgain.expect("match")
            }
            val overs = mapOf("ann" to annAgain, "bob" to bobAgain).mapValues { it.value.expect("game_over") }
            replaysTo(server, overs.getValue("ann").str("report"), overs.mapKeys { ids.getValue(it.key) })
            GameFiles.leaderboard(overs.getValue("ann")) shouldBe mapOf("ann" to 2, "bob" to 0)
        }
    }

    test("a room still in its lobby survives a restart: its members resume into the lobby, and the host starts the game") {
        RestartStage(null).use { stage ->
            val server = stage.server
            server.start()
            val (first, tokens) = stage.seat(listOf("ann", "bob"))
            val questions = """[{"kind":"truefalse","text":"Q1","answer":[0]}]"""
            first.getValue("ann").send("""{"type":"create","game":"quiz","options":{"questions":$questions,"hostPlays":true}}""")
            val code = first.getValue("ann").expect("room").str("code")
            first.getValue("bob").send("""{"type":"join","room":"$code"}""")
            first.getValue("bob").expect("room")
            GameFiles.awaitUntil(5_000) { server.count("SELECT COUNT(*) FROM room_log") >= 3 } // opened, ann, bob
            server.terminate()
            server.start()

            val again = tokens.mapValues { (name, token) ->
                val (client, room) = stage.resume(name, token)
                room.str("code") shouldBe code
                room.str("state") shouldBe "lobby"
                room["players"]!!.jsonArray.map { it.jsonObject.str("name") } shouldBe listOf("ann", "bob")
                client
            }
            again.getValue("ann").send("""{"type":"start"}""")
            again.getValue("bob").expect("question").int("index") shouldBe 0
        }
    }
})
