package dev.partyline.server.examples

import dev.partyline.server.PartylineServer
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.cards
import dev.partyline.server.e2e.joinRoom
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.type
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import java.io.File

/**
 * The Python asyncio bot of docs/bots.md: the listing is the file, and the file, run with
 * `python3` as a reader would, plays quiz and memory against a real server to `game_over`.
 */
class PythonBotSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    // 60 ms of thought keeps a bot under the server's 20 messages a second.
    fun pythonBot(vararg args: String) =
        ScriptProcess("python3", "docs/examples/partyline_bot.py", "--port", "${server.tcpPort}", "--think", "0.06", *args)

    /** The room code the bot prints when it has created its room. */
    suspend fun ScriptProcess.createdRoom(): String = awaitLine(10_000) { it.startsWith("room ") }.split(" ")[1]

    /** Whether the bot printed the standings line of [name] with [score], ranked first. */
    fun ScriptProcess.printedStanding(name: String, score: Int): Boolean =
        output.any { Regex("""\s*1\. $name\s+$score""").matches(it) }

    test("the Python bot in docs/bots.md is docs/examples/partyline_bot.py, line for line") {
        docsListing("bots.md", "### A Python asyncio bot", "python") shouldBe File("../docs/examples/partyline_bot.py").readText()
    }

    test("the Python bot joins a quiz as a bot, answers every question and prints the standings") {
        hostExampleQuiz(server.tcpPort, "pybot") { code, watch ->
            pythonBot("--name", "pybot", code).use { bot ->
                val score = watch()
                withClue(bot.output.joinToString("\n")) {
                    bot.awaitExit() shouldBe 0
                    bot.printedStanding("pybot", score) shouldBe true
                }
            }
        }
    }

    test("the Python bot hosts a quiz, starts it when someone joins and plays it itself") {
        pythonBot("--name", "quizbot", "quiz", "--options", EXAMPLE_QUIZ_OPTIONS).use { bot ->
            TestClient.tcp(server.tcpPort, "watcher").use { watcher ->
                watcher.hello("watcher")
                val room = watcher.joinRoom(bot.createdRoom(), "spectator")
                val score = watchQuiz(watcher, room.str("host"), EXAMPLE_QUIZ_QUESTIONS)
                withClue(bot.output.joinToString("\n")) {
                    bot.awaitExit() shouldBe 0
                    bot.printedStanding("quizbot", score) shouldBe true
                }
            }
        }
    }

    test("the Python bot hosts memory, remembers every face it sees and clears the board, missing at most once per pair") {
        pythonBot("--name", "memobot", "memory", "--options", """{"rows":4,"cols":4,"seed":2024,"missMillis":0}""").use { bot ->
            TestClient.tcp(server.tcpPort, "watcher").use { watcher ->
                watcher.hello("watcher")
                watcher.joinRoom(bot.createdRoom(), "spectator")
                val botId = watcher.expect("board").str("turn")
                val events = ArrayList<JsonObject>()
                withTimeout(15_000) {
                    do events += watcher.next() while (events.last().type != "game_over")
                }
                val plays = events.filter { it.type in setOf("flipped", "match", "miss") }
                plays.all { it.str("by") == botId } shouldBe true
                val matched = plays.filter { it.type == "match" }.flatMap { it.cards() }
                matched.toSet() shouldBe (0 until 16).toSet()
                // A bot that forgets would miss far more often; one that remembers turns each card unseen at most once.
                plays.count { it.type == "miss" } shouldBeLessThanOrEqual 8
                val standings = events.last()["leaderboard"]!!.jsonArray.map { it.jsonObject }
                standings shouldHaveSize 1
                standings.single().str("score") shouldBe "8"
                withClue(bot.output.joinToString("\n")) {
                    bot.awaitExit() shouldBe 0
                    bot.printedStanding("memobot", 8) shouldBe true
                }
            }
        }
    }
})
