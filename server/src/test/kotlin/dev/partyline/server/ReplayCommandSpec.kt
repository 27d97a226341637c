package dev.partyline.server

import com.github.ajalt.clikt.testing.CliktCommandTestResult
import com.github.ajalt.clikt.testing.test
import dev.partyline.server.e2e.TempDirs
import dev.partyline.server.examples.docsListing
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.createMemory
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.joinRoom
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.memory.Faces
import dev.partyline.shared.game.replay.ReplayFile
import dev.partyline.shared.game.replay.ReplayProblem
import dev.partyline.shared.game.replay.Replayer
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kotest.matchers.string.shouldStartWith
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import java.io.File

/**
 * `partyline replay FILE` on the replay files a real server recorded: games played over sockets
 * by an anonymous host, downloaded with the key from the host's `game_over.report`, replay to the
 * standings that `game_over` showed; a broken file or one of a later format exits 1 naming its
 * line; and the example of docs/replay.md replays to the output the page shows.
 */
class ReplayCommandSpec : FunSpec({
    lateinit var server: PartylineServer
    lateinit var api: ApiClient
    beforeSpec {
        server = startTestServer()
        api = ApiClient(server.httpPort)
    }
    afterSpec { server.stop() }
    val dir = File(TempDirs.create("partyline-replays"))

    /** The replay file behind [report] (a `game_over.report` link), once its journal holds the game's end. */
    suspend fun download(report: String): String = withTimeout(5_000) {
        val (path, key) = report.split("?")
        fun fetch() = api.download("$path/replay.jsonl?$key").also { it.status shouldBe 200 }.bytes.decodeToString()
        var text = fetch()
        while (!ended(text)) {
            delay(20)
            text = fetch()
        }
        text
    }

    fun replay(text: String): CliktCommandTestResult {
        val file = File.createTempFile("game", ".jsonl", dir).apply { writeText(text) }
        return PartylineCommand().test(listOf("replay", file.path))
    }

    /** The rows (rank, name, score) of the standings table in [output]. */
    fun rows(output: String): List<Triple<Int, String, Int>> = output.lines()
        .dropWhile { !it.trim().startsWith("Rank") }.drop(1)
        .mapNotNull { ROW.matchEntire(it) }
        .map { Triple(it.groupValues[1].toInt(), it.groupValues[2], it.groupValues[3].toInt()) }

    fun leaderboard(over: JsonObject): List<Triple<Int, String, Int>> =
        over["leaderboard"]!!.jsonArray.map { it.jsonObject }.map { Triple(it.int("rank"), it.str("name"), it.int("score")) }

    /** The first test's replay file, which the later ones cut, garble and re-version. */
    lateinit var quizFile: String

    test("a quiz played over sockets replays to the standings its game_over showed") {
        val host = TestClient.tcp(server.tcpPort, "host")
        val players = listOf("ann", "bob", "cy").map { TestClient.tcp(server.tcpPort, it) }
        try {
            host.hello("host")
            players.forEach { it.hello(it.label) }
            host.send("""{"type":"create","game":"quiz","options":{"questions":$QUESTIONS,"revealSeconds":0}}""")
            val code = host.expect("room").str("code")
            players.forEach { it.joinRoom(code) }
            host.send("""{"type":"start"}""")
            // ann answers both right, bob only the first, cy only the second.
            val answers = listOf(listOf(1, 1, 0), listOf(0, 1, 0))
            answers.forEachIndexed { i, choices ->
                players.zip(choices).forEach { (player, choice) ->
                    player.expect("question").int("index") shouldBe i
                    player.send("""{"type":"answer","index":$i,"choice":$choice}""")
                    player.expect("answer_ack")
                }
            }
            val over = host.expect("game_over", 10_000)
            val board = leaderboard(over)
            board.first().second shouldBe "ann"
            board shouldHaveSize 3

            quizFile = download(over.str("report"))
            val result = replay(quizFile)
            result.statusCode shouldBe 0
            result.stderr shouldBe ""
            result.stdout shouldStartWith "quiz in room $code"
            rows(result.stdout) shouldBe board
            result.stdout shouldContain "Ended: finished"
        } finally {
            (players + host).forEach { it.close() }
        }
    }

    test("a memory game played over sockets replays to its standings, end reason and seed") {
        val seed = 4_242L
        val host = TestClient.tcp(server.tcpPort, "host")
        val bob = TestClient.tcp(server.tcpPort, "bob")
        try {
            host.hello("host")
            val bobId = bob.hello("bob").str("player")
            val code = host.createMemory("""{"rows":2,"cols":4,"seed":$seed,"missMillis":50}""")
            bob.joinRoom(code)
            host.send("""{"type":"start"}""")
            val pairs = Faces.deal(4, seed).withIndex().groupBy({ it.value }, { it.index }).values.toList()
            suspend fun flip(who: TestClient, card: Int) {
                who.send("""{"type":"flip","card":$card}""")
                who.expect("flipped") { it.int("card") == card }
            }
            // The host finds one pair, then misses and the turn passes; bob finds the other three.
            pairs[0].forEach { flip(host, it) }
            host.expect("match")
            flip(host, pairs[1][0])
            flip(host, pairs[2][0])
            bob.expect("turn") { it.str("player") == bobId }
            for (pair in pairs.drop(1)) {
                pair.forEach { flip(bob, it) }
                bob.expect("match")
            }
            val over = host.expect("game_over")
            val board = leaderboard(over)
            board shouldBe listOf(Triple(1, "bob", 3), Triple(2, "host", 1))

            val result = replay(download(over.str("report")))
            result.statusCode shouldBe 0
            rows(result.stdout) shouldBe board
            result.stdout shouldContain "Ended: finished, seed $seed"
        } finally {
            listOf(host, bob).forEach { it.close() }
        }
    }

    test("a file cut off mid-line or with a garbled line exits 1 naming the line") {
        val lines = quizFile.trimEnd().lines()
        val cut = replay(quizFile.dropLast(10))
        cut.statusCode shouldBe 1
        cut.stdout shouldBe ""
        cut.stderr.trim() shouldStartWith "partyline replay: line ${lines.size}:"
        cut.stderr.trim().lines() shouldHaveSize 1

        val garbled = replay((lines.take(2) + """{"input":"dance","at":1}""" + lines.drop(3)).joinToString("\n"))
        garbled.statusCode shouldBe 1
        garbled.stderr shouldContain "line 3:"
    }

    test("a file whose game had not ended prints the standings so far and says so") {
        val result = replay(quizFile.trimEnd().lines().take(3).joinToString("\n"))
        result.statusCode shouldBe 0
        rows(result.stdout).map { it.second }.toSet() shouldBe setOf("ann", "bob", "cy")
        result.stdout shouldContain "had not ended"
        result.stdout shouldNotContain "Ended:"
    }

    test("a file of a later replay format is refused, not misread") {
        val result = replay(quizFile.replaceFirst("\"replay\":1", "\"replay\":2"))
        result.statusCode shouldBe 1
        result.stderr shouldContain "line 1: this is replay format 2"
    }

    test("the example in docs/replay.md replays to the output the page shows") {
        val shown = docsListing("replay.md", "## An example", "console").lines()
        shown.first() shouldBe "$ java -jar server/target/partyline.jar replay game.jsonl"
        replay(docsListing("replay.md", "## An example", "jsonl")).stdout shouldBe shown.drop(1).joinToString("\n")
    }

    test("a missing file is Clikt's usage error, and --help lists the replay command") {
        val missing = PartylineCommand().test(listOf("replay", File(dir, "none.jsonl").path))
        missing.statusCode shouldBe 1
        missing.stderr shouldContain "does not exist"
        PartylineCommand().test("--help").output shouldContain Regex("""\n\s+replay\s+Re-runs""")
    }
})

/** Whether [text] replays to a game that ended; false while the journal is still being written. */
private fun ended(text: String): Boolean = try {
    Replayer(Games.all).run(ReplayFile.parse(text)).play?.isOver == true
} catch (_: ReplayProblem) {
    false
}

private val ROW = Regex("""^\s*(\d+)\s{2}(.+?)\s+(-?\d+)$""")

private const val QUESTIONS =
    """[{"kind":"single","text":"Which layer does TCP belong to?","choices":["Link","Transport","Application"],"answer":[1]},""" +
        """{"kind":"truefalse","text":"select() can wait on many sockets at once.","answer":[0]}]"""
