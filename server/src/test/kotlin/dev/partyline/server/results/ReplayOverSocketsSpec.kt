package dev.partyline.server.results

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.RandomMemoryGame
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.joinRoom
import dev.partyline.server.e2e.received
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.replay.ReplayFile
import dev.partyline.shared.game.replay.Replayer
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlin.random.Random

/**
 * The determinism proof: random games played over real sockets — drops and resumes, late
 * joiners, server bots, bad moves — are downloaded as replay files and re-run through the rules,
 * and every member's `game_over` comes out exactly as the server sent it.
 */
class ReplayOverSocketsSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer(ServerConfig(botThinkMillis = 30)) }
    afterSpec { server.stop() }
    val codec = WireCodec(Games.all)
    val replayer = Replayer(Games.all)

    /** Replays the game behind [report] and checks each of [members] (player id to what it received) got the replay's game_over. */
    suspend fun replaysTo(report: String, members: Map<String, List<JsonObject>>) {
        val api = ApiClient(server.httpPort)
        GameFiles.awaitReport(api, report)
        val id = report.substringAfter("/api/games/").substringBefore('?')
        val replay = ReplayFile.parse(String(api.download("/api/games/$id/replay.jsonl?${report.substringAfter('?')}").bytes))
        val replayed = replayer.run(replay)
        for ((player, messages) in members) withClue(player) {
            val sent = messages.last { it.str("type") == "game_over" }
            val again = replayed.gameOver(PlayerId(player)).shouldNotBeNull()
            Json.parseToJsonElement(codec.encode(again)).jsonObject shouldBe JsonObject(sent - "seq" - "report")
        }
    }

    for (seed in listOf(3L, 17L, 29L)) {
        for (race in listOf(false, true)) {
            test("a random memory game (${if (race) "race" else "turns"}, seed $seed) replays to every member's game_over") {
                val game = RandomMemoryGame(server, race, seed)
                try {
                    game.play()
                    val members = game.connections.map { it.second }.distinct().associate { it.id to received(it.client) }
                    val report = members.values.mapNotNull { m -> m.lastOrNull { it.str("type") == "game_over" }?.get("report") }.single()
                    replaysTo(report.toString().trim('"'), members)
                } finally {
                    game.close()
                }
            }
        }
    }

    for (seed in listOf(5L, 41L)) {
        test("a random quiz with server bots, a late joiner and a player who drops (seed $seed) replays to every member's game_over") {
            val random = Random(seed)
            val host = TestClient.ws(server.httpPort, "host")
            val ann = TestClient.tcp(server.tcpPort, "ann")
            val late = TestClient.tcp(server.tcpPort, "late")
            try {
                val ids = mutableMapOf<TestClient, String>()
                for (client in listOf(host, ann, late)) ids[client] = client.hello(client.label).str("player")
                host.send("""{"type":"create","game":"quiz","options":{"pack":"science","count":4,"seconds":5,"revealSeconds":0,"hostPlays":true}}""")
                val code = host.expect("room").str("code")
                repeat(3) { i ->
                    host.send("""{"type":"add_bot","skill":${random.nextDouble()},"id":"bot$i"}""")
                    host.expect("player_joined")
                }
                ann.joinRoom(code)
                host.send("""{"type":"start"}""")
                var joined: JsonObject? = null // the late joiner's snapshot
                for (index in 0 until 4) {
                    if (index == 1) joined = late.joinRoom(code)
                    if (index == 2) ann.close() // drops mid-question, unanswered: the question waits for no one who is gone
                    val answering = listOfNotNull(host, ann.takeIf { index < 2 }, late.takeIf { index >= 1 })
                    for (client in answering) {
                        // The late joiner may find question 1 open in its snapshot, or get it as an event just after.
                        val inSnapshot = (joined?.get("question") as? JsonObject)?.takeIf { client === late && index == 1 && it.int("index") == 1 }
                        val question = inSnapshot ?: client.expect("question") { it.int("index") == index }
                        client.send(answer(random, question, index))
                        client.expect("answer_ack", 3000) { true }
                    }
                    host.expect("reveal", 10_000) { it.int("index") == index }
                }
                val over = host.expect("game_over")
                late.expect("game_over")
                val members = listOf(host, late).associate { ids.getValue(it) to received(it) }
                over.getValue("leaderboard").jsonArray.size shouldBe 6
                replaysTo(over.str("report"), members)
            } finally {
                listOf(host, ann, late).forEach { it.close() }
            }
        }
    }
})

/** A random answer of the right shape to [question]. */
private fun answer(random: Random, question: JsonObject, index: Int): String {
    val choices = question["choices"]?.jsonArray?.size ?: 2
    val body = when (question.str("kind")) {
        "multi" -> """"choices":[${(0 until choices).shuffled(random).take(random.nextInt(1, choices + 1)).joinToString(",")}]"""
        "typed" -> """"text":"guess ${random.nextInt(100)}""""
        else -> """"choice":${random.nextInt(choices)}"""
    }
    return """{"type":"answer","index":$index,$body,"id":"a$index"}"""
}
