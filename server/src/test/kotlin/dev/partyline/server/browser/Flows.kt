package dev.partyline.server.browser

import dev.partyline.server.e2e.TestClient
import org.openqa.selenium.By
import org.openqa.selenium.WebElement

// What a person does on the home page and in a room, step by step through the UI.

/** Opens the home page and types [name] in the name field. */
fun Browser.openHomeAs(base: String, name: String) {
    open("$base/")
    awaitScreen("home")
    type("name-input", name)
}

/** Back to the home page from wherever this browser is (leaving its room, if any). */
fun Browser.goHome(base: String) {
    if (!driver.currentUrl.startsWith(base)) open("$base/")
    if (findAll("leave").isNotEmpty()) click("leave")
    awaitScreen("home")
}

/** On the home page: opens the quiz form, pastes [questionsJson], creates the room; returns its code from the lobby. */
fun Browser.createQuiz(questionsJson: String, seconds: Int, hostPlays: Boolean = false, beforeSubmit: () -> Unit = {}): String {
    click("create-quiz")
    type("quiz-questions", questionsJson)
    await("the pack to switch to my own questions") { find("quiz-pack").getAttribute("value") == "custom" }
    type("quiz-seconds", seconds.toString())
    val box = find("quiz-host-plays")
    if (box.isSelected != hostPlays) box.click()
    beforeSubmit()
    click("create-submit")
    return lobbyCode()
}

/** Opens room [code]'s shared link (`/join/CODE`), joins it as [name], and waits for the lobby. */
fun Browser.joinByLink(base: String, code: String, name: String) {
    open("$base/join/$code")
    awaitScreen("home")
    type("name-input", name)
    click("join-submit")
    awaitScreen("lobby")
}

/** On the home page: opens the memory form, picks the size and mode, creates the room; returns its code. */
fun Browser.createMemory(rows: Int, cols: Int, mode: String, turnSeconds: Int = 30): String {
    click("create-memory")
    select("memory-rows", rows.toString())
    select("memory-cols", cols.toString())
    select("memory-mode", mode)
    type("memory-turn-seconds", turnSeconds.toString())
    click("create-submit")
    return lobbyCode()
}

/** On the home page (name typed): types [code] and joins as a player. */
fun Browser.joinWithCode(code: String) {
    type("join-code", code)
    click("join-submit")
    awaitScreen("lobby")
}

fun Browser.lobbyCode(): String {
    awaitScreen("lobby")
    return await("the room code") { find("room-code").text.trim().takeIf { it.length == 6 } }
}

/**
 * Someone in room [code] over a TCP line connection (as an app or a script would be), named [name];
 * the caller closes it. TCP, not WebSocket: the client library's WebSockets share one HTTP client,
 * whose engine holds at most 100 connections to one address, too few for a crowd.
 */
suspend fun BrowserStage.socketPlayer(code: String, name: String): TestClient {
    val client = TestClient.tcp(server.tcpPort, name)
    client.hello(name)
    client.send("""{"type":"join","room":"$code"}""")
    client.expect("room")
    return client
}

/** The entries of the player list: name → the entry. */
fun Browser.playerEntries(): Map<String, WebElement> =
    findAll("player").associateBy { it.findElement(Browser.test("player-name")).text }

/** The score shown in the player list for [playerId]. */
fun Browser.shownScore(playerId: String): Int =
    find("player", "data-player-id" to playerId).findElement(Browser.test("player-score")).text.trim().toInt()

/** Standings as shown: player id → the leading number of its score text ("3 pairs", "1840 pts"). */
fun WebElement.scoreOf(scoreClass: String): Int = findElement(By.className(scoreClass)).text.trim().takeWhile { it.isDigit() }.toInt()

/** The chat: types [text] and sends it. */
fun Browser.say(text: String) {
    type("chat-input", text)
    click("chat-send")
}

// ---- the quiz ----

fun Browser.awaitQuestion(number: Int) {
    await("question $number to open") {
        screen() == "quiz-question" && driver.findElement(By.className("q-number")).text.startsWith("Question $number")
    }
}

/** Waits for the reveal; returns when it was first seen (System.nanoTime). */
fun Browser.awaitReveal(questionNumber: Int): Long {
    await("the reveal of question $questionNumber") {
        screen() == "quiz-reveal" && driver.findElement(By.className("q-number")).text.startsWith("Question $questionNumber")
    }
    return System.nanoTime()
}

/** As the presenting host named [hostName]: creates a quiz of [questionsJson], has [player] join it by its code as [playerName], and starts it. */
fun Browser.startQuizWith(base: String, hostName: String, player: Browser, playerName: String, questionsJson: String, seconds: Int) {
    openHomeAs(base, hostName)
    val code = createQuiz(questionsJson, seconds)
    player.openHomeAs(base, playerName)
    player.joinWithCode(code)
    await("$playerName in the lobby") { playerName in playerEntries() }
    click("start")
}

/** Waits for a player's reveal to say whether their answer was [correct]. */
fun Browser.awaitFeedback(correct: Boolean) {
    await("feedback that the answer was ${if (correct) "right" else "wrong"}") {
        screen() == "quiz-reveal" && find("feedback").getAttribute("data-correct") == correct.toString()
    }
}

/**
 * The host presses "Next question" while the reveal is young (the room would open the next
 * question by itself 5 s after the reveal; pressing later could skip that question instead).
 */
fun Browser.nextQuestionSoon(revealSeenAt: Long) {
    val skip = find("skip")
    if (skip.text.contains("Next question") && System.nanoTime() - revealSeenAt < 2_500_000_000) skip.click()
}

/** Presses "See the final results" if the final reveal is still held, and waits for the results. */
fun Browser.seeFinalResultsNow() {
    runCatching { find("show-podium").click() }
    awaitScreen("game-over")
}
