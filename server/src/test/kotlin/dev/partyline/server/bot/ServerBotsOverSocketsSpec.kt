package dev.partyline.server.bot

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.createMemory
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.type
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * Bots that the server runs, over real sockets: a host on TCP adds two with `add_bot`, starts,
 * and the bots play the game through to `game_over` (a quiz, then memory taking turns).
 */
class ServerBotsOverSocketsSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer(ServerConfig(botThinkMillis = 20)) }
    afterSpec { server.stop() }

    /** Adds two bots as the host; returns their ids, checking what everyone is told of them. */
    suspend fun TestClient.addTwoBots(): List<String> {
        send("""{"type":"add_bot","skill":0.9}""")
        send("""{"type":"add_bot","name":"Robo","skill":1}""")
        val joined = List(2) { expect("player_joined") }
        joined.map { it.str("name") } shouldContainExactly listOf("Bot 1", "Robo")
        joined.all { it.flag("bot") && it.flag("serverBot") } shouldBe true
        return joined.map { it.str("player") }
    }

    test("a host adds two server bots to a quiz; they answer every question until game_over") {
        val host = TestClient.tcp(server.tcpPort, "host")
        try {
            host.hello("host")
            host.send(
                """{"type":"create","game":"quiz","options":{"revealSeconds":0,"questions":[""" +
                    """{"kind":"single","text":"Which port does plain HTTP use?","choices":["21","80","443"],"answer":[1]},""" +
                    """{"kind":"multi","text":"Which are primes?","choices":["2","4","5","9"],"answer":[0,2]},""" +
                    """{"kind":"typed","text":"Which Python module gives you start_server?","accept":["asyncio"]}]}}""",
            )
            host.expect("room")
            val bots = host.addTwoBots()
            host.send("""{"type":"start"}""")
            repeat(3) { index ->
                val reveal = host.expect("reveal")
                reveal.str("index").toInt() shouldBe index
                val results = reveal["results"]!!.jsonArray.map { it.jsonObject }
                results.map { it.str("player") } shouldContainExactlyInAnyOrder bots
                results.all { it.flag("answered") } shouldBe true
            }
            host.expect("game_over")["leaderboard"]!!.jsonArray.size shouldBe 2
        } finally {
            host.close()
        }
    }

    test("a host adds two server bots to memory; they take their turns and clear the board") {
        val host = TestClient.tcp(server.tcpPort, "host")
        try {
            val me = host.hello("host").str("player")
            // 8 pairs: on 4 a bot that is dealt luck clears the board alone (one run in a hundred), and the other never flips.
            host.createMemory("""{"rows":4,"cols":4,"seed":5,"missMillis":20}""")
            val bots = host.addTwoBots()
            host.send("""{"type":"start"}""")
            val flippers = mutableListOf<String>()
            val over = withTimeout(20_000) {
                while (true) {
                    val message = host.next(10_000)
                    when (message.type) {
                        // The host plays too, and is first on turn: it passes every turn it gets.
                        "board" -> if (message.str("turn") == me) host.send("""{"type":"skip"}""")
                        "turn" -> if (message["player"]?.jsonPrimitive?.content == me) host.send("""{"type":"skip"}""")
                        "flipped" -> flippers += message.str("by")
                        "game_over" -> return@withTimeout message
                    }
                }
                @Suppress("UNREACHABLE_CODE")
                error("unreachable")
            }
            flippers.toSet() shouldBe bots.toSet()
            val board = over["leaderboard"]!!.jsonArray.map { it.jsonObject }
            board.sumOf { it["score"]!!.jsonPrimitive.int } shouldBe 8
            flippers.size shouldBeGreaterThan 15
        } finally {
            host.close()
        }
    }
})

private fun JsonObject.flag(key: String): Boolean = this[key]!!.jsonPrimitive.boolean
