package dev.partyline.server.browser

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.int
import dev.partyline.server.e2e.str
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.collections.shouldNotContainAnyOf
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldStartWith

/**
 * A room of more than 100 members is big (see the server's `Crowd`): its snapshot names only a
 * few members beside the counts, and comings and goings come as `presence`. The pages show the
 * counts and a few names, never an entry per player, from the moment a room grows past 100, and
 * the game plays as in any room. The crowd is real sockets, seated one by one.
 */
class BigRoomInBrowserSpec : FunSpec({
    val stage = browserStage(ServerConfig(defaultMaxPlayers = 500))

    fun Browser.shouldPassAxe(where: String) = withClue("axe on $where") { Axe.seriousViolations(this).shouldBeEmpty() }

    test("a quiz room that grows past 100 shows its crowd as counts, follows who leaves, and plays a question with everyone") {
        val host = stage.browser()
        host.openHomeAs(stage.base, "Quinn")
        val code = host.createQuiz(QUESTION, seconds = 60)
        val fans = mutableListOf<TestClient>()
        try {
            // Up to 100 members the room is small: an entry for everyone, as ever.
            for (n in 1..90) fans += stage.socketPlayer(code, "Fan $n")
            host.await("an entry for each of the 90 fans") { host.playingEntries() == 90 }
            host.findAll("crowd-count").shouldBeEmpty()
            host.find("spectator-count").getAttribute("data-count") shouldBe "0"
            host.screenshot("bigroom-01-lobby-host-90")

            // The 101st member makes it big: the page cuts its list down to a few and shows the counts.
            for (n in 91..120) fans += stage.socketPlayer(code, "Fan $n")
            host.awaitCrowd(players = 120, connected = 120)
            host.find("crowd-count").text shouldBe "120 players · 0 watching"
            host.findAll("player").size shouldBeLessThan 20
            host.playerEntries().keys shouldContainAll listOf("Quinn", "Fan 120")
            host.shouldShowTheOthers(120)
            host.shouldPassAxe("a big room's lobby (host)")
            host.screenshot("bigroom-02-lobby-host-big")

            // Someone joining the big room in a browser gets its snapshot of a few, with the counts.
            val ada = stage.browser(390, 844)
            ada.openHomeAs(stage.base, "Ada")
            ada.joinWithCode(code)
            for (b in listOf(host, ada)) b.awaitCrowd(players = 121, connected = 121)
            ada.playerEntries().keys shouldContainAll listOf("Quinn", "Ada")
            ada.findAll("player").size shouldBeLessThan 20
            host.await("Ada among the latest on the host's page") { "Ada" in host.playerEntries() }
            ada.shouldShowTheOthers(121)
            ada.shouldPassAxe("a big room's lobby (player)")
            ada.screenshot("bigroom-03-lobby-phone-big")

            // Leavers: the counts follow, and the latest to come who go are no longer named.
            leave(fans, 117 until 120) // Fans 118 to 120, named on the host's page
            host.awaitCrowd(players = 118, connected = 118)
            host.playerEntries().keys shouldNotContainAnyOf listOf("Fan 118", "Fan 119", "Fan 120")
            leave(fans, 0 until 7) // Fans 1 to 7
            for (b in listOf(host, ada)) b.awaitCrowd(players = 111, connected = 111)
            (7 until 12).forEach { fans[it].close() } // Fans 8 to 12 lose their network: still seated, away
            for (b in listOf(host, ada)) b.awaitCrowd(players = 111, connected = 106)
            host.find("crowd-count").text shouldBe "111 players · 0 watching · 5 away"
            host.shouldShowTheOthers(111)
            host.screenshot("bigroom-04-lobby-host-leavers")

            // The game starts with the crowd; the connected half answer, then the rest, and Ada.
            host.click("start")
            for (b in listOf(host, ada)) b.awaitQuestion(1)
            val answering = fans.subList(12, 117)
            answering.forEachIndexed { i, fan -> if (i % 2 == 0) fan.answer(choice = 1) }
            host.await("the first half's answers counted") {
                host.find("answered-count").let { it.getAttribute("data-answered") == "53" && it.getAttribute("data-of") == "111" }
            }
            host.find("answered-count").text shouldBe "53 / 111 answered"
            host.screenshot("bigroom-05-question-host")
            answering.forEachIndexed { i, fan -> if (i % 2 == 1) fan.answer(choice = 0) }
            ada.click("choice", "data-index" to 1)
            host.awaitReveal(1)
            ada.awaitFeedback(correct = true)
            host.find("distribution", "data-index" to 1).text shouldContain "54 votes" // 53 fans and Ada
            host.find("distribution", "data-index" to 0).text shouldContain "52 votes"
            host.findAll("leaderboard-entry").size shouldBeLessThanOrEqual 8
            host.screenshot("bigroom-06-reveal-host")
            ada.screenshot("bigroom-07-reveal-phone")

            // Game over: the standings name the top ten and you (Ada answered last of the right ones), not the whole room.
            host.seeFinalResultsNow()
            ada.awaitScreen("game-over")
            val adaId = ada.playerId!!
            ada.findAll("leaderboard-entry").size shouldBe 11
            ada.find("leaderboard-entry", "data-player-id" to adaId).getAttribute("data-rank")!!.toInt() shouldBeGreaterThan 10
            ada.find("my-place").text shouldStartWith "You finished"
            ada.screenshot("bigroom-08-game-over-phone")
            for (b in listOf(host, ada)) b.cspViolations().shouldBeEmpty()
        } finally {
            fans.forEach { it.close() }
        }
    }

    test("a memory race of more than 100 shows the progress of a few racers and how many more race") {
        val host = stage.browser()
        host.openHomeAs(stage.base, "Hana")
        val code = host.createMemory(rows = 2, cols = 2, mode = "race")
        val racers = mutableListOf<TestClient>()
        try {
            for (n in 1..105) racers += stage.socketPlayer(code, "Racer $n")
            host.awaitCrowd(players = 106, connected = 106) // the host races too
            host.click("start")
            host.awaitScreen("memory")
            val shown = host.await("the race's progress") { host.findAll("progress").size.takeIf { it > 0 } }
            shown shouldBeLessThan 20
            host.find("crowd-more").text shouldBe "…and ${106 - shown} more players"
            host.screenshot("bigroom-09-memory-race-host")

            // A big race sends standings, not a progress per pair: the panel follows the leader.
            val leader = racers[41]
            leader.findOnePair()
            host.await("Racer 42 to lead the race's progress") {
                host.findAll("progress").firstOrNull()?.takeIf { it.text.startsWith("Racer 42") && it.getAttribute("data-pairs") == "1" }
            }
            host.screenshot("bigroom-10-memory-race-leader")
        } finally {
            racers.forEach { it.close() }
        }
    }
})

/** Finds one pair on this racer's own 2×2 board (two pairs): two flips, and after a miss its hide, then the mate of a face seen. */
private suspend fun TestClient.findOnePair() {
    suspend fun flip(card: Int): String {
        send("""{"type":"flip","card":$card}""")
        return expect("flipped") { it.int("card") == card }.str("face")
    }
    val first = flip(0)
    val second = flip(1)
    if (first == second) return
    expect("hide")
    flip(2).let { third -> flip(if (third == first) 0 else 1) }
    expect("match")
}

/** One single question whose answer is the second choice. */
private const val QUESTION = """[{"kind":"single","text":"Which planet is known as the red planet?","choices":["Venus","Mars","Jupiter","Saturn"],"answer":[1]}]"""

/** The players (not the host, not spectators) the page's player list names. */
private fun Browser.playingEntries(): Int = findAll("player").count { it.getAttribute("data-role") == "player" }

/** Waits for the page to show a big room's counts: [players] playing, [connected] of them connected. */
private fun Browser.awaitCrowd(players: Int, connected: Int) = await("the crowd's count to be $players players, $connected connected") {
    find("crowd-count").let { it.getAttribute("data-players") == "$players" && it.getAttribute("data-connected") == "$connected" }
}

/** The line under the few names counts the [players] the list does not name. */
private fun Browser.shouldShowTheOthers(players: Int) {
    val more = players - playingEntries()
    find("crowd-more").getAttribute("data-count") shouldBe "$more"
    find("crowd-more").text shouldBe "…and $more more players"
}

/** [fans] at [indexes] leave the room, each awaiting its `left`. */
private suspend fun leave(fans: List<TestClient>, indexes: IntRange) {
    for (i in indexes) {
        fans[i].send("""{"type":"leave"}""")
        fans[i].expect("left")
    }
}

/** Answers the open question with [choice]. */
private suspend fun TestClient.answer(choice: Int) {
    val index = expect("question", 10_000).int("index")
    send("""{"type":"answer","index":$index,"choice":$choice}""")
}
