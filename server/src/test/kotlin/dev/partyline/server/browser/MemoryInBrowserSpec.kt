package dev.partyline.server.browser

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.collections.shouldHaveSize
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import dev.partyline.shared.game.memory.Faces
import org.openqa.selenium.By

/**
 * Memory in real browsers: a whole game taking turns on one board, then a short race where
 * everyone plays their own board while a spectator watches the progress.
 */
class MemoryInBrowserSpec : FunSpec({
    val stage = browserStage()
    val hana by lazy { stage.browser() }
    val ivo by lazy { stage.browser() }
    val jun by lazy { stage.browser(390, 844) }

    test("three players take turns on one 2x4 board, every page shows every flip, and the game ends with all 4 pairs scored") {
        hana.openHomeAs(stage.base, "Hana")
        val code = hana.createMemory(rows = 2, cols = 4, mode = "turns", turnSeconds = 30)
        hana.driver.findElement(By.cssSelector(".lobby-players p.muted")).text shouldContain "2 × 4 board · taking turns, 30 s each"
        ivo.openHomeAs(stage.base, "Ivo")
        ivo.joinWithCode(code)
        jun.openHomeAs(stage.base, "Jun")
        jun.joinWithCode(code)
        val everyone = listOf(hana, ivo, jun)
        val byId = everyone.associateBy { b -> b.await("a player id") { b.playerId } }
        val hanaId = hana.playerId!!
        hana.await("the lobby to list all three") { hana.playerEntries().keys == setOf("Hana", "Ivo", "Jun") }
        hana.click("start")

        for (b in everyone) {
            b.awaitScreen("memory")
            b.await("8 face-down cards") { b.findAll("card").size == 8 && b.findAll("card").all { it.getAttribute("data-state") == "down" } }
            b.await("Hana to be on turn") { b.turnOf() == hanaId }
        }
        hana.find("turn").text shouldBe "⭐ Your turn!"
        ivo.find("turn").text shouldBe "Hana’s turn"
        ivo.findAll("card").none { it.isEnabled } shouldBe true
        hana.findAll("card").all { it.isEnabled } shouldBe true

        val table = MemoryTable(cards = 8)
        val scores = byId.keys.associateWith { 0 }.toMutableMap()
        var attempts = 0
        var midGameShot = false
        while (table.matched.size < 8) {
            attempts++
            attempts shouldBeLessThanOrEqual 16 // 4 pairs with perfect memory: at most 4 matches and 5 misses
            val onTurn = hana.await("someone to be on turn") { hana.turnOf() }
            val player = byId.getValue(onTurn)
            player.await("the page on turn to say so") { player.turnOf() == onTurn && player.find("turn").text == "⭐ Your turn!" }
            if (!midGameShot && table.matched.isNotEmpty()) {
                hana.screenshot("memory-01-turns-midgame-host")
                jun.screenshot("memory-02-turns-midgame-phone")
                midGameShot = true
            }
            val attempt = table.attempt(player, everyone - player)
            if (attempt.match) {
                scores[onTurn] = scores.getValue(onTurn) + 1
                if (table.matched.size < 8) {
                    for (b in everyone) b.await("the score of the player on turn to go up") { b.shownScore(onTurn) == scores[onTurn] }
                }
            } else {
                hana.await("the turn to pass after a miss") { hana.turnOf() != onTurn }
            }
        }

        for (b in everyone) b.awaitScreen("game-over")
        for (b in everyone) {
            val standings = b.findAll("leaderboard-entry").associate { it.getAttribute("data-player-id")!! to it.scoreOf("leaderboard-score") }
            standings shouldBe scores
            standings.values.sum() shouldBe 4
            val best = scores.values.max()
            b.findAll("podium-entry").first().getAttribute("data-player-id").let { scores[it] } shouldBe best
        }
        jun.find("my-place").text shouldContain "${scores.getValue(jun.playerId!!)} pairs"
        hana.screenshot("memory-03-turns-game-over-host")
        jun.screenshot("memory-04-turns-game-over-phone")
    }

    test("a short race on a 2x3 board: own boards for the players, everyone's progress for all, a spectator sees no cards") {
        for (b in listOf(hana, ivo, jun)) {
            b.click("back-home")
            b.awaitScreen("home")
        }
        val code = hana.createMemory(rows = 2, cols = 3, mode = "race")
        ivo.joinWithCode(code)
        jun.select("join-as", "spectator")
        jun.joinWithCode(code)
        val hanaId = hana.playerId!!
        val ivoId = ivo.playerId!!
        hana.await("the lobby to count one spectator") { hana.find("spectator-count").getAttribute("data-count") == "1" }
        hana.playerEntries().keys shouldContainExactlyInAnyOrder listOf("Hana", "Ivo")
        hana.click("start")
        for (b in listOf(hana, ivo, jun)) b.awaitScreen("memory")
        hana.await("the race banner") { hana.find("turn").text.startsWith("🏁 Race!") }
        jun.findAll("card").shouldBeEmpty()
        jun.await("the spectator's progress list") { jun.findAll("progress").size == 2 }

        // Hana finds her first pair; Ivo's board does not move.
        val table = MemoryTable(cards = 6)
        val hanaMatched = mutableSetOf<Int>()
        val ivoMatched = mutableSetOf<Int>()
        var attempts = 0
        while (hanaMatched.isEmpty()) {
            (++attempts) shouldBeLessThanOrEqual 4
            table.attempt(hana, watchers = emptyList(), matchedCards = hanaMatched)
        }
        ivo.findAll("card").map { it.getAttribute("data-state") } shouldBe List(6) { "down" }

        // Ivo plays the same board: the pair Hana found lies in the same places on his.
        val ivoFirst = table.attempt(ivo, watchers = emptyList(), matchedCards = ivoMatched)
        ivoFirst.match shouldBe true
        for (b in listOf(hana, ivo, jun)) {
            b.await("both players' progress at 1 pair") {
                b.findAll("progress").associate { it.getAttribute("data-player-id") to it.getAttribute("data-pairs") } ==
                    mapOf(hanaId to "1", ivoId to "1")
            }
        }
        hana.find("progress", "data-player-id" to ivoId).text shouldContain "1 / 3 pairs"
        hana.screenshot("memory-05-race-progress-player")
        jun.screenshot("memory-06-race-progress-spectator-phone")

        // Hana clears her board first and wins.
        while (hanaMatched.size < 6) {
            (++attempts) shouldBeLessThanOrEqual 8
            table.attempt(hana, watchers = emptyList(), matchedCards = hanaMatched)
        }
        for (b in listOf(hana, ivo, jun)) {
            b.awaitScreen("game-over")
            val podium = b.findAll("podium-entry")
            podium shouldHaveSize 2
            podium.map { it.getAttribute("data-player-id") } shouldContainExactly listOf(hanaId, ivoId)
            podium.map { it.scoreOf("podium-score") } shouldContainExactly listOf(3, 1)
        }
        hana.find("my-place").text shouldBe "🎉 You won with 3 pairs!"
        jun.findAll("my-place").shouldBeEmpty()
        ivo.screenshot("memory-07-race-game-over")
        for (b in listOf(hana, ivo, jun)) b.cspViolations().shouldBeEmpty()
    }

    // Seeds stay within 2^53 - 1, so the page shows exactly the seed the server dealt from.
    test("the seed shown on the results deals exactly the board that was played, so the game can be replayed") {
        hana.goHome(stage.base)
        val code = hana.createMemory(rows = 2, cols = 3, mode = "turns")
        // A spectator over the raw protocol hears the seed exactly as the server sends it.
        TestClient.ws(stage.server.httpPort, "watcher").use { watcher ->
            watcher.hello("Watcher")
            watcher.send("""{"type":"join","room":"$code","as":"spectator"}""")
            watcher.expect("room")
            hana.click("start")
            hana.awaitScreen("memory")
            val table = MemoryTable(cards = 6)
            var attempts = 0
            while (table.matched.size < 6) {
                (++attempts) shouldBeLessThanOrEqual 8
                table.attempt(hana, watchers = emptyList())
            }
            hana.awaitScreen("game-over")
            val played = (0 until 6).map { table.faces.getValue(it) }
            val sent = watcher.expect("game_over").str("seed").toLong()
            Faces.deal(3, sent) shouldBe played // the server's seed does deal this board
            val line = hana.await("the seed line") { hana.driver.findElements(By.cssSelector(".game-over p.small")).firstOrNull { "seed" in it.text }?.text }
            val shown = Regex("seed (-?\\d+)").find(line)!!.groupValues[1].toLong()
            withClue("seed sent $sent, shown $shown") { Faces.deal(3, shown) shouldBe played }
        }
    }

    test("flipping a card does not make the scoreboard beside the board flash") {
        Browser(reducedMotion = false).use { solo ->
            solo.openHomeAs(stage.base, "Solo")
            solo.createMemory(rows = 2, cols = 2, mode = "turns")
            solo.click("start")
            solo.awaitScreen("memory")
            solo.await("the scoreboard") { solo.findAll("player").size == 1 }
            solo.js(
                """window.popped = 0;
                document.addEventListener('animationstart', (e) => { if (e.target.closest('[data-test=player]')) window.popped++; });""",
            )
            MemoryTable(cards = 4).flip(solo, 0)
            solo.afterTwoFrames()
            solo.js("return window.popped") shouldBe 0L
        }
    }
})

/** Returns once the page has painted two more frames (animations started by now have started). */
private fun Browser.afterTwoFrames() {
    driver.executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(null)));")
}
