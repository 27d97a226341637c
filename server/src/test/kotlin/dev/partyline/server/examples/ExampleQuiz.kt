package dev.partyline.server.examples

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject

/** One question of each kind, answered by a bot that guesses; no pause between them. */
const val EXAMPLE_QUIZ_OPTIONS = """{"revealSeconds":0,"questions":[""" +
    """{"kind":"single","text":"Which port does plain HTTP use?","choices":["21","80","443"],"answer":[1]},""" +
    """{"kind":"multi","text":"Which are primes?","choices":["2","4","5","9"],"answer":[0,2]},""" +
    """{"kind":"truefalse","text":"TCP is connection-oriented.","answer":[0]},""" +
    """{"kind":"typed","text":"Which Python module gives you start_server?","accept":["asyncio"]}]}"""

/** The number of questions in [EXAMPLE_QUIZ_OPTIONS]. */
const val EXAMPLE_QUIZ_QUESTIONS = 4

/**
 * Hosts the example quiz on [port] for a bot named [botName]: [play] gets the room code, starts
 * the bot, then calls its `watch`, which checks the bot joined as a bot, starts the quiz, watches
 * it to `game_over` and returns the bot's final score.
 */
suspend fun hostExampleQuiz(port: Int, botName: String, play: suspend (code: String, watch: suspend () -> Int) -> Unit) {
    TestClient.tcp(port, "host").use { host ->
        host.hello("host")
        host.send("""{"type":"create","game":"quiz","options":$EXAMPLE_QUIZ_OPTIONS}""")
        play(host.expect("room").str("code")) {
            val joined = host.expect("player_joined", 20_000)
            joined.str("name") shouldBe botName
            joined.str("bot") shouldBe "true"
            host.send("""{"type":"start"}""")
            watchQuiz(host, joined.str("player"), EXAMPLE_QUIZ_QUESTIONS)
        }
    }
}

/**
 * Watches a quiz of [questions] questions from [member]'s connection (host or spectator): each
 * reveal must show that [player], the only player, answered. Returns [player]'s final score.
 */
suspend fun watchQuiz(member: TestClient, player: String, questions: Int): Int {
    repeat(questions) { index ->
        val reveal = member.expect("reveal")
        reveal.str("index") shouldBe "$index"
        val result = reveal["results"]!!.jsonArray.single().jsonObject
        result.str("player") shouldBe player
        result.str("answered") shouldBe "true"
    }
    val standing = member.expect("game_over")["leaderboard"]!!.jsonArray.single().jsonObject
    standing.str("player") shouldBe player
    return standing.str("score").toInt()
}
