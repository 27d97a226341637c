package dev.partyline.tools.bot

import dev.partyline.server.PartylineServer
import dev.partyline.server.bot.BotListener
import dev.partyline.server.bot.BotResult
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.createMemory
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive

/**
 * Bots over real sockets, started the way the CLI starts them ([BotSwarm]): three bots join a
 * host's room over TCP (and over WebSocket, as `bot --ws`) and play quiz and memory (turns and
 * race) to `game_over`.
 */
class BotsOverSocketsSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    /** A listener that hands every event to a spec through channels. */
    class Recorder : BotListener {
        val joined = Channel<String>(Channel.UNLIMITED)
        val results = Channel<BotResult>(Channel.UNLIMITED)
        override fun joined(name: String, room: String, game: String) { joined.trySend(name) }
        override fun gameOver(result: BotResult) { results.trySend(result) }
    }

    suspend fun CoroutineScope.swarm(code: String, recorder: Recorder, seed: Long, webSocket: Boolean = false): Job {
        val settings = BotSettings(
            tcpPort = server.tcpPort, httpPort = server.httpPort, webSocket = webSocket,
            room = code, count = 3, skill = 0.8, thinkMillis = 0, seed = seed,
        )
        val job = launch { BotSwarm(settings, recorder).run() }
        withTimeout(5000) { List(3) { recorder.joined.receive() } } shouldContainExactlyInAnyOrder listOf("bot-1", "bot-2", "bot-3")
        return job
    }

    suspend fun Recorder.gameOvers(): List<BotResult> = withTimeout(10_000) { List(3) { results.receive() } }

    for (transport in listOf("TCP", "WebSocket")) test("three bots over $transport answer every question of a quiz to game_over") {
        val host = TestClient.tcp(server.tcpPort, "host")
        try {
            host.hello("host")
            host.send(
                """{"type":"create","game":"quiz","options":{"revealSeconds":0,"questions":[""" +
                    """{"kind":"single","text":"Which port does plain HTTP use?","choices":["21","80","443"],"answer":[1]},""" +
                    """{"kind":"multi","text":"Which are primes?","choices":["2","4","5","9"],"answer":[0,2]},""" +
                    """{"kind":"truefalse","text":"TCP is connection-oriented.","answer":[0]},""" +
                    """{"kind":"typed","text":"Which Python module gives you start_server?","accept":["asyncio"]}]}}""",
            )
            val code = host.expect("room").str("code")
            val recorder = Recorder()
            val bots = swarm(code, recorder, seed = 11, webSocket = transport == "WebSocket")
            host.send("""{"type":"start"}""")
            repeat(4) { index ->
                val reveal = host.expect("reveal")
                reveal.str("index").toInt() shouldBe index
                val results = reveal["results"]!!.jsonArray.map { it.jsonObject }
                results.size shouldBe 3
                results.all { it["answered"]!!.jsonPrimitive.boolean } shouldBe true
            }
            host.expect("game_over")
            val over = recorder.gameOvers()
            over.map { it.moves } shouldBe listOf(4, 4, 4)
            over.all { it.game == "quiz" && it.players == 3 } shouldBe true
            bots.cancelAndJoin()
        } finally {
            host.close()
        }
    }

    for (mode in listOf("turns", "race")) {
        test("three bots play memory in $mode mode until every pair is scored") {
            val host = TestClient.tcp(server.tcpPort, "host")
            try {
                host.hello("host")
                val code = host.createMemory("""{"rows":3,"cols":4,"mode":"$mode","seed":99,"missMillis":20}""")
                val recorder = Recorder()
                val bots = swarm(code, recorder, seed = 5)
                host.send("""{"type":"start"}""")
                host.expect("board")
                // The host would be on turn first; it leaves, so the bots play alone.
                host.send("""{"type":"leave"}""")
                host.expect("left")
                val over = recorder.gameOvers()
                over.all { it.game == "memory" && it.players == 3 } shouldBe true
                if (mode == "turns") {
                    over.sumOf { it.score ?: 0 } shouldBe 6 // one board: the bots share its six pairs
                    over.all { it.moves > 0 } shouldBe true // every bot had a turn
                } else {
                    over.maxOf { it.score ?: 0 } shouldBe 6 // the winner cleared its own board
                }
                bots.cancelAndJoin()
            } finally {
                host.close()
            }
        }
    }
})
