package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.shared.game.memory.Faces
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlin.random.Random

/**
 * Memory over real sockets, TCP and WebSocket mixed: protocol-only bots play whole games in
 * turns and in a race, a dropped player resumes into the right board, and bad flips are refused.
 */
class MemoryOverSocketsSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    test("turns: a TCP host, a TCP player and a WebSocket player play to game_over, a spectator sees every flip") {
        val seed = 734_021L
        val host = TestClient.tcp(server.tcpPort, "host")
        val bob = TestClient.tcp(server.tcpPort, "bob")
        val cy = TestClient.ws(server.httpPort, "cy")
        val watcher = TestClient.ws(server.httpPort, "watcher")
        try {
            val hostId = host.hello("host").str("player")
            val bobId = bob.hello("bob").str("player")
            val cyId = cy.hello("cy").str("player")
            val watcherId = watcher.hello("watcher").str("player")
            val code = host.createMemory("""{"rows":3,"cols":4,"seed":$seed,"missMillis":60}""")
            bob.joinRoom(code)
            cy.joinRoom(code)
            watcher.joinRoom(code, "spectator")
            host.send("""{"type":"start"}""")

            val bots = listOf(MemoryBot(host, hostId, Random(1)), MemoryBot(bob, bobId, Random(2)), MemoryBot(cy, cyId, Random(3)))
            val seats = bots.map { it.id }
            val everyone = bots + MemoryBot(watcher, watcherId)
            val deck = Faces.deal(6, seed)
            for (bot in everyone) {
                val board = bot.nextEvent()
                board.type shouldBe "board"
                board.str("mode") shouldBe "turns"
                board.int("pairs") shouldBe 6
                board.str("turn") shouldBe hostId
            }

            val scores = seats.associateWith { 0 }.toMutableMap()
            var turn = hostId
            var over: JsonObject? = null
            var kept = 0
            var passed = 0
            var deadline = 0L
            // Every client got the same `turn` for [player]; its deadline is never earlier than the last one.
            fun turned(events: List<JsonObject>, player: String) {
                events.forEach { it.type shouldBe "turn"; it.str("player") shouldBe player }
                events.map { it.long("deadline") }.distinct().single().let { (it >= deadline) shouldBe true; deadline = it }
            }
            while (over == null) {
                (kept + passed < 60) shouldBe true
                // The bots know from the protocol alone whose turn it is.
                val actor = bots.single { it.turn == it.id }
                actor.id shouldBe turn
                val pair = List(2) {
                    val card = actor.pick()
                    actor.flip(card)
                    for (bot in everyone) withClue(bot.client.label) {
                        val flipped = bot.nextEvent()
                        flipped.type shouldBe "flipped"
                        flipped.int("card") shouldBe card
                        flipped.str("face") shouldBe deck[card]
                        flipped.str("by") shouldBe turn
                    }
                    card
                }
                if (deck[pair[0]] == deck[pair[1]]) {
                    scores[turn] = scores.getValue(turn) + 1
                    for (bot in everyone) {
                        val match = bot.nextEvent()
                        match.type shouldBe "match"
                        match.cards() shouldBe pair
                        match.str("by") shouldBe turn
                        match.int("score") shouldBe scores[turn]
                    }
                    val after = everyone.map { it.nextEvent() }
                    if (after.first().type == "game_over") {
                        after.forEach { it.type shouldBe "game_over" }
                        over = after.first()
                    } else {
                        // A match keeps the turn, with a fresh deadline.
                        turned(after, turn)
                        kept++
                    }
                } else {
                    val next = seats[(seats.indexOf(turn) + 1) % seats.size]
                    for (bot in everyone) {
                        val miss = bot.nextEvent()
                        miss.type shouldBe "miss"
                        miss.cards() shouldBe pair
                        miss.str("by") shouldBe turn
                        val hide = bot.nextEvent()
                        hide.type shouldBe "hide"
                        hide.cards() shouldBe pair
                    }
                    // A miss passes the turn in seat order once the pair is hidden.
                    turned(everyone.map { it.nextEvent() }, next)
                    turn = next
                    passed++
                }
            }
            kept shouldBeGreaterThan 0
            passed shouldBeGreaterThan 0
            over.str("reason") shouldBe "finished"
            over.long("seed") shouldBe seed
            val leaderboard = over["leaderboard"]!!.jsonArray.map { it.jsonObject }
            leaderboard.associate { it.str("player") to it.int("score") } shouldBe scores
            leaderboard.sumOf { it.int("score") } shouldBe 6
            leaderboard.first().int("rank") shouldBe 1
            leaderboard.first().int("score") shouldBe scores.values.max()
            // Everyone, the spectator too, saw the very same game events with the same seqs; only the
            // creator's game_over carries the link to the report.
            everyone.map { bot -> bot.events.map { JsonObject(it - "report").toString() } }.distinct().size shouldBe 1
            everyone.map { bot -> bot.events.last { it.type == "game_over" }.containsKey("report") } shouldBe listOf(true, false, false, false)
            bob.send("""{"type":"flip","card":0,"id":"late"}""")
            bob.expect("error") { it.str("re") == "late" }.str("code") shouldBe "wrong_state"
        } finally {
            listOf(host, bob, cy, watcher).forEach { it.close() }
        }
    }

    test("race over TCP: each player sees only its own flips, both see each other's progress, the first to clear wins") {
        val seed = 5_550_101L
        val host = TestClient.tcp(server.tcpPort, "host")
        val bob = TestClient.tcp(server.tcpPort, "bob")
        val watcher = TestClient.tcp(server.tcpPort, "watcher")
        try {
            val hostId = host.hello("host").str("player")
            val bobId = bob.hello("bob").str("player")
            val watcherId = watcher.hello("watcher").str("player")
            val code = host.createMemory("""{"rows":3,"cols":4,"mode":"race","seed":$seed,"missMillis":40}""")
            bob.joinRoom(code)
            watcher.joinRoom(code, "spectator")
            host.send("""{"type":"start"}""")
            val deck = Faces.deal(6, seed)
            val hostBot = MemoryBot(host, hostId, Random(4))
            val bobBot = MemoryBot(bob, bobId, Random(5))
            val watching = MemoryBot(watcher, watcherId)
            for (bot in listOf(hostBot, bobBot, watching)) {
                val board = bot.nextEvent()
                board.str("mode") shouldBe "race"
                // No turns in a race: `turn` and `deadline` are null (left out on the wire).
                board.optional("turn") shouldBe null
                board.optional("deadline") shouldBe null
            }

            // Both race at once to their first pair, then the host clears its board while bob waits.
            coroutineScope {
                launch { hostBot.raceTo(1, deck) }
                launch { bobBot.raceTo(1, deck) }
            }
            hostBot.awaitProgress(bobId, 1)
            bobBot.awaitProgress(hostId, 1)
            hostBot.raceTo(6, deck)

            val overs = listOf(hostBot, bobBot, watching).map { bot -> bot.awaitEvent("game_over") { it.type shouldNotBe "flipped" } }
            overs.map { it.containsKey("report") } shouldBe listOf(true, false, false)
            overs.map { JsonObject(it - "report") }.distinct().size shouldBe 1
            val over = overs.first()
            over.str("reason") shouldBe "finished"
            over.long("seed") shouldBe seed
            val leaderboard = over["leaderboard"]!!.jsonArray.map { it.jsonObject }
            leaderboard.map { Triple(it.str("player"), it.int("score"), it.int("rank")) } shouldContainExactly
                listOf(Triple(hostId, 6, 1), Triple(bobId, 1, 2))

            bobBot.progress shouldBe mapOf(hostId to 6, bobId to 1)
            watching.progress shouldBe mapOf(hostId to 6, bobId to 1)
            // Progress counts up one pair at a time, and the spectator sees all of it.
            watching.events.filter { it.type == "progress" && it.str("player") == hostId }.map { it.int("pairs") } shouldBe (1..6).toList()
            for ((client, id) in listOf(host to hostId, bob to bobId)) withClue(client.label) {
                received(client).filter { it.type in PRIVATE_EVENTS }.filter { it.str("by") != id }.shouldBeEmpty()
            }
            received(watcher).filter { it.type in PRIVATE_EVENTS }.shouldBeEmpty()
        } finally {
            listOf(host, bob, watcher).forEach { it.close() }
        }
    }

    test("turns: the player on turn drops with a card up, the turn skips to the next connected player, the resumed snapshot shows the board") {
        val seed = 90_417L
        val deck = Faces.deal(6, seed)
        val (a, b) = pairIn(deck, emptySet())
        val (c, d) = differing(deck, setOf(a, b))
        val e = (deck.indices - setOf(a, b)).first()
        val f = (deck.indices - setOf(a, b, e)).first()
        val g = (deck.indices - setOf(a, b, e, f)).first { deck[it] != deck[f] }

        val host = TestClient.tcp(server.tcpPort, "host")
        val ada = TestClient.tcp(server.tcpPort, "ada")
        // Those who drop are on TCP, where closing drops the line at once; they come back over WebSocket.
        val bob = TestClient.tcp(server.tcpPort, "bob")
        val cy = TestClient.ws(server.httpPort, "cy")
        var adaAgain: TestClient? = null
        try {
            val hostId = host.hello("host").str("player")
            val welcome = ada.hello("ada")
            val adaId = welcome.str("player")
            val bobId = bob.hello("bob").str("player")
            val cyId = cy.hello("cy").str("player")
            val code = host.createMemory("""{"rows":3,"cols":4,"seed":$seed,"missMillis":60}""")
            for (player in listOf(ada, bob, cy)) player.joinRoom(code)
            host.send("""{"type":"start"}""")
            host.expect("board").str("turn") shouldBe hostId

            host.flipSeen(a, host)
            host.flipSeen(b, host)
            host.expect("match").int("score") shouldBe 1
            host.expect("turn").str("player") shouldBe hostId
            host.flipSeen(c, host)
            host.flipSeen(d, host)
            host.expect("miss")
            host.expect("turn").str("player") shouldBe adaId

            bob.close()
            host.expect("player_status") { it.str("player") == bobId && it.str("connected") == "false" }
            ada.flipSeen(e, host)
            ada.close()
            host.expect("player_status") { it.str("player") == adaId && it.str("connected") == "false" }
            val hidden = host.next()
            hidden.type shouldBe "hide"
            hidden.cards() shouldBe listOf(e)
            hidden.str("by") shouldBe adaId
            // bob, next in seat order, is away too: cy gets the turn.
            host.next().let { it.type shouldBe "turn"; it.str("player") shouldBe cyId }
            cy.expect("turn") { it.str("player") == cyId }
            cy.flipSeen(f, host)

            val again = TestClient.ws(server.httpPort, "ada-again").also { adaAgain = it }
            again.send("""{"type":"hello","session":"${welcome.str("session")}","protocol":1}""")
            again.expect("welcome").str("player") shouldBe adaId
            val snapshot = again.expect("room")
            snapshot.str("state") shouldBe "playing"
            val board = snapshot.obj("board")
            board["matched"]!!.jsonArray.map { it.jsonPrimitive.content.toInt() } shouldBe listOf(a, b).sorted()
            board.faces("found") shouldBe mapOf(a to deck[a], b to deck[b])
            board.faces("faceUp") shouldBe mapOf(f to deck[f])
            board.str("turn") shouldBe cyId
            board["hideAt"] shouldBe JsonNull
            val players = snapshot["players"]!!.jsonArray.map { it.jsonObject }.associateBy { it.str("player") }
            players.getValue(adaId).str("connected") shouldBe "true"
            players.getValue(hostId).int("score") shouldBe 1
            host.expect("player_status") { it.str("player") == adaId && it.str("connected") == "true" }

            // Play goes on around the table and comes back to the resumed player.
            cy.flipSeen(g, again)
            again.expect("miss")
            again.expect("turn").str("player") shouldBe hostId
            val (h1, h2) = differing(deck, setOf(a, b))
            host.flipSeen(h1, again)
            host.flipSeen(h2, again)
            again.expect("turn").str("player") shouldBe adaId
            again.flipSeen(e, again).str("by") shouldBe adaId
        } finally {
            listOf(host, ada, bob, cy).forEach { it.close() }
            adaAgain?.close()
        }
    }

    test("race: a player drops with one card up and resumes into its own board, never the other's") {
        val seed = 2_718_281L
        val deck = Faces.deal(4, seed)
        val (a, b) = pairIn(deck, emptySet())
        val e = (deck.indices - setOf(a, b)).first()
        val partner = deck.indices.single { it != e && deck[it] == deck[e] }
        val x = (deck.indices - setOf(a, b, e)).first()

        val host = TestClient.tcp(server.tcpPort, "host")
        val ada = TestClient.tcp(server.tcpPort, "ada")
        var adaAgain: TestClient? = null
        try {
            val hostId = host.hello("host").str("player")
            val welcome = ada.hello("ada")
            val adaId = welcome.str("player")
            val code = host.createMemory("""{"rows":2,"cols":4,"mode":"race","seed":$seed,"missMillis":60}""")
            ada.joinRoom(code)
            host.send("""{"type":"start"}""")
            ada.expect("board")
            ada.flipSeen(a, ada)
            ada.flipSeen(b, ada)
            ada.expect("match").int("score") shouldBe 1
            host.expect("progress").let { it.str("player") shouldBe adaId; it.int("pairs") shouldBe 1 }
            ada.flipSeen(e, ada)
            host.flipSeen(x, host)

            ada.close()
            host.expect("player_status") { it.str("player") == adaId && it.str("connected") == "false" }
            val again = TestClient.ws(server.httpPort, "ada-again").also { adaAgain = it }
            again.send("""{"type":"hello","session":"${welcome.str("session")}","protocol":1}""")
            again.expect("welcome")
            val board = again.expect("room").obj("board")
            board["matched"]!!.jsonArray.map { it.jsonPrimitive.content.toInt() } shouldBe listOf(a, b).sorted()
            board.faces("found") shouldBe mapOf(a to deck[a], b to deck[b])
            board.faces("faceUp") shouldBe mapOf(e to deck[e])
            board.obj("progress").mapValues { it.value.jsonPrimitive.content.toInt() } shouldBe mapOf(adaId to 1, hostId to 0)

            again.flipSeen(partner, again)
            again.expect("match").int("score") shouldBe 2
            host.expect("progress") { it.int("pairs") == 2 }.str("player") shouldBe adaId
        } finally {
            listOf(host, ada).forEach { it.close() }
            adaAgain?.close()
        }
    }

    test("refused flips (not_your_turn, bad cards, a spectator's, during a showing miss or a pause) carry re and change nothing") {
        val seed = 31_337L
        val deck = Faces.deal(4, seed)
        val (a, b) = pairIn(deck, emptySet())
        val (c, d) = differing(deck, setOf(a, b))
        val x = (deck.indices - setOf(a, b, c, d)).first()

        val host = TestClient.tcp(server.tcpPort, "host")
        val bob = TestClient.ws(server.httpPort, "bob")
        val watcher = TestClient.tcp(server.tcpPort, "watcher")
        try {
            val hostId = host.hello("host").str("player")
            val bobId = bob.hello("bob").str("player")
            watcher.hello("watcher")
            val code = host.createMemory("""{"rows":2,"cols":4,"seed":$seed,"missMillis":5000}""")
            bob.joinRoom(code)
            watcher.joinRoom(code, "spectator")
            host.refused("""{"type":"flip","card":$a,"id":"early"}""") shouldBe "wrong_state"
            host.send("""{"type":"start"}""")
            host.flipSeen(a, watcher)
            host.flipSeen(b, watcher)
            host.expect("turn").str("player") shouldBe hostId

            bob.refused("""{"type":"flip","card":$x,"id":"b1"}""") shouldBe "not_your_turn"
            host.refused("""{"type":"flip","card":8,"id":2}""") shouldBe "bad_request"
            host.refused("""{"type":"flip","card":-1,"id":3}""") shouldBe "bad_request"
            host.refused("""{"type":"flip","card":$a,"id":4}""") shouldBe "bad_request"
            host.refused("""{"type":"flip","card":"$x","id":5}""") shouldBe "bad_request"
            watcher.refused("""{"type":"flip","card":$x,"id":"w1"}""") shouldBe "not_a_player"
            host.flipSeen(c, watcher)
            host.refused("""{"type":"flip","card":$c,"id":6}""") shouldBe "bad_request"
            host.flipSeen(d, watcher)
            host.expect("miss")
            host.refused("""{"type":"flip","card":$x,"id":7}""") shouldBe "wrong_state"
            bob.refused("""{"type":"flip","card":$x,"id":"b2"}""") shouldBe "not_your_turn"
            host.send("""{"type":"pause"}""")
            host.expect("paused")
            host.refused("""{"type":"flip","card":$x,"id":8}""") shouldBe "wrong_state"
            host.send("""{"type":"resume"}""")
            host.expect("resumed")
            host.send("""{"type":"skip"}""")
            host.expect("turn").str("player") shouldBe bobId
            bob.flipSeen(x, watcher)

            // The spectator's stream holds exactly the accepted moves, seq after seq: no refusal emitted anything.
            val events = received(watcher).filter { it.type in MemoryBot.GAME_EVENTS }
            events.map { it.type } shouldContainExactly listOf(
                "board", "flipped", "flipped", "match", "turn", "flipped", "flipped", "miss", "paused", "resumed", "hide", "turn", "flipped",
            )
            events.map { it.seq!! } shouldBe (events.first().seq!!..events.last().seq!!).toList()
            events.filter { it.type == "flipped" }.map { it.int("card") } shouldBe listOf(a, b, c, d, x)
            events.single { it.type == "hide" }.cards() shouldBe listOf(c, d)
        } finally {
            listOf(host, bob, watcher).forEach { it.close() }
        }
    }
})

/** Types whose events belong to one board and, in a race, go to its owner alone. */
private val PRIVATE_EVENTS = setOf("flipped", "match", "miss", "hide")

/** Flips [card] and returns the `flipped` that [seer] gets for it. */
private suspend fun TestClient.flipSeen(card: Int, seer: TestClient): JsonObject {
    send("""{"type":"flip","card":$card}""")
    return seer.expect("flipped") { it.int("card") == card }
}

/** Sends [request] (which carries an `id`), expects an error that answers it, and returns its code. */
private suspend fun TestClient.refused(request: String): String {
    val id = Regex("\"id\":(\"[^\"]*\"|-?\\d+)").find(request)!!.groupValues[1].trim('"')
    send(request)
    val error = expect("error")
    error.str("re") shouldBe id
    error.seq shouldBe null
    return error.str("code")
}

/** Plays this bot's own race board until it has [target] pairs; every board event it sees must be its own. */
private suspend fun MemoryBot.raceTo(target: Int, deck: List<String>) {
    val mine: (JsonObject) -> Unit = { event ->
        if (event.type in PRIVATE_EVENTS) event.str("by") shouldBe id
        event.type shouldNotBe "game_over"
    }
    while (pairs < target) {
        val pair = List(2) {
            val card = pick()
            flip(card)
            val flipped = awaitEvent("flipped", check = mine)
            flipped.int("card") shouldBe card
            flipped.str("face") shouldBe deck[card]
            card
        }
        val outcome = awaitEvent("match", "miss", check = mine)
        outcome.cards() shouldBe pair
        if (outcome.type == "miss") awaitEvent("hide", check = mine).cards() shouldBe pair
    }
}

/** Reads events until this bot has seen [player] reach [pairs] pairs. */
private suspend fun MemoryBot.awaitProgress(player: String, pairs: Int) {
    while (progress[player] != pairs) nextEvent()
}

/** The first two cards, outside [used], that make a pair. */
private fun pairIn(deck: List<String>, used: Set<Int>): Pair<Int, Int> {
    val a = deck.indices.first { it !in used }
    return a to deck.indices.first { it != a && deck[it] == deck[a] }
}

/** Two cards outside [used] with different faces. */
private fun differing(deck: List<String>, used: Set<Int>): Pair<Int, Int> {
    val a = deck.indices.first { it !in used }
    return a to deck.indices.first { it !in used && deck[it] != deck[a] }
}
