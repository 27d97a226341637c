package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.shared.game.memory.Faces
import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe
import kotlin.random.Random

/**
 * One seeded random memory game over real sockets, for the hidden-information audit: a host,
 * a TCP and a WebSocket player and a spectator from the start, a late player and a late
 * spectator mid-game, one player dropping and resuming, and a mix of good flips, bad flips,
 * flips out of turn and skips. Every move waits for its answer with a bounded timeout; after
 * [maxSteps] moves the host ends the game. Every connection ever opened is kept in [connections].
 */
class RandomMemoryGame(private val server: PartylineServer, val race: Boolean, val seed: Long, private val maxSteps: Int = 70) {
    /** A room member: its player id, current connection and session token. */
    class Member(val id: String, var client: TestClient, val spectator: Boolean, val session: String)

    private val random = Random(seed)
    private val shape = listOf(2 to 4, 3 to 4, 4 to 4).random(random)
    val deck = Faces.deal(shape.first * shape.second / 2, seed)
    private val missMillis = listOf(0, 15, 30).random(random)

    /** Every connection of the game with its member, in the order they were opened. */
    val connections = mutableListOf<Pair<TestClient, Member>>()
    private val players = mutableListOf<Member>()
    private val spectators = mutableListOf<Member>()
    private lateinit var host: Member
    private lateinit var code: String
    private var lastSeq = 0L
    private var nextId = 0
    private var turn: String? = null
    private var over = false
    private val up = HashMap<String, MutableList<Int>>()
    private val matched = HashMap<String, MutableSet<Int>>()

    /** Plays the game to its `game_over`, which every connected member then has. */
    suspend fun play() {
        host = connect("host", ws = true)
        code = host.client.createMemory(
            """{"rows":${shape.first},"cols":${shape.second},"mode":"${if (race) "race" else "turns"}","seed":$seed,"missMillis":$missMillis}""",
        )
        players += host
        players += enter("p1", ws = false, spectator = false)
        players += enter("p2", ws = true, spectator = false)
        spectators += enter("watcher", ws = false, spectator = true)
        host.client.send("""{"type":"start"}""")
        val board = host.client.expect("board")
        lastSeq = board.seq!!
        turn = board.optional("turn")

        val dropper = players[1]
        var droppedAt: Int? = null
        for (step in 0 until maxSteps) {
            if (over) break
            if (step == 5) players += enter("late", ws = false, spectator = false)
            if (step == 9) spectators += enter("latewatch", ws = true, spectator = true)
            if (step >= 3 && droppedAt == null && (race || turn != dropper.id)) {
                drop(dropper)
                droppedAt = step
            } else if (droppedAt != null && step == droppedAt + 6) {
                resume(dropper)
            }
            if (race) raceMove() else turnsMove()
        }
        if (!over) host.client.send("""{"type":"end"}""")
        for (member in players + spectators) {
            if (received(member.client).none { it.type == "game_over" }) member.client.expect("game_over")
        }
    }

    fun close() = connections.forEach { it.first.close() }

    private suspend fun connect(label: String, ws: Boolean, spectator: Boolean = false): Member {
        val client = if (ws) TestClient.ws(server.httpPort, label) else TestClient.tcp(server.tcpPort, label)
        val welcome = client.hello(label)
        return Member(welcome.str("player"), client, spectator, welcome.str("session")).also { connections += client to it }
    }

    private suspend fun enter(label: String, ws: Boolean, spectator: Boolean): Member {
        val member = connect(label, ws, spectator)
        val snapshot = member.client.joinRoom(code, if (spectator) "spectator" else "player")
        lastSeq = maxOf(lastSeq, snapshot.seq!!)
        return member
    }

    private suspend fun drop(member: Member) {
        member.client.close()
        lastSeq = host.client.await { it.type == "player_status" && it.str("player") == member.id && it.str("connected") == "false" }.seq!!
        players -= member
    }

    private suspend fun resume(member: Member) {
        val client = TestClient.tcp(server.tcpPort, "${member.client.label}-again")
        connections += client to member
        member.client = client
        client.send("""{"type":"hello","session":"${member.session}","protocol":1}""")
        client.expect("welcome")
        lastSeq = maxOf(lastSeq, client.expect("room").seq!!)
        lastSeq = host.client.await { it.type == "player_status" && it.str("player") == member.id && it.str("connected") == "true" }.seq!!
        players += member
    }

    private suspend fun turnsMove() {
        val actor = players.single { it.id == turn }
        val roll = random.nextDouble()
        when {
            roll < 0.06 -> refused(spectators.random(random), random.nextInt(deck.size), "not_a_player")
            roll < 0.12 && players.size > 1 -> refused((players - actor).random(random), random.nextInt(deck.size), "not_your_turn")
            roll < 0.18 -> {
                host.client.send("""{"type":"skip"}""")
                val passed = host.client.await { it.type == "turn" && it.seq!! > lastSeq }
                lastSeq = passed.seq!!
                up.getOrPut(BOARD) { mutableListOf() }.clear()
                turn = passed.optional("player")
            }
            else -> flip(actor, BOARD)
        }
    }

    private suspend fun raceMove() {
        val actor = players.random(random)
        val roll = random.nextDouble()
        when {
            roll < 0.06 -> refused(spectators.random(random), random.nextInt(deck.size), "not_a_player")
            roll < 0.10 -> {
                val id = "s${nextId++}"
                host.client.send("""{"type":"skip","id":"$id"}""")
                host.client.await { it.optional("re") == id }.str("code") shouldBe "wrong_state"
            }
            else -> flip(actor, actor.id)
        }
    }

    /** [actor] flips a card of [board]: mostly a sensible one, sometimes any number, which may be refused. */
    private suspend fun flip(actor: Member, board: String) {
        val up = up.getOrPut(board) { mutableListOf() }
        val matched = matched.getOrPut(board) { mutableSetOf() }
        val open = deck.indices.filter { it !in up && it !in matched }
        val card = when {
            random.nextDouble() < 0.12 -> random.nextInt(-1, deck.size + 1)
            up.size == 1 && random.nextDouble() < 0.6 -> deck.indices.first { it != up[0] && deck[it] == deck[up[0]] }
            else -> open.random(random)
        }
        if (card !in open) return refused(actor, card, "bad_request")
        val client = actor.client
        val id = "f${nextId++}"
        client.send("""{"type":"flip","card":$card,"id":"$id"}""")
        val flipped = client.await { (it.type == "flipped" && it.int("card") == card && it.seq!! > lastSeq) || it.optional("re") == id }
        withClue("${client.label} flips $card: $flipped") { flipped.type shouldBe "flipped" }
        lastSeq = flipped.seq!!
        up += card
        if (up.size < 2) return
        val outcome = client.await { it.type in setOf("match", "miss") && it.seq!! > lastSeq }
        lastSeq = outcome.seq!!
        if (outcome.type == "match") {
            matched += up
            up.clear()
            val next = when {
                !race -> client.await { it.type in setOf("turn", "game_over") && it.seq!! > lastSeq }
                matched.size == deck.size -> client.await { it.type == "game_over" }
                else -> return
            }
            lastSeq = next.seq!!
            over = next.type == "game_over"
        } else {
            val after = client.await { it.type == (if (race) "hide" else "turn") && it.seq!! > lastSeq }
            lastSeq = after.seq!!
            up.clear()
            if (!race) turn = after.optional("player")
        }
    }

    private suspend fun refused(member: Member, card: Int, code: String) {
        val id = "r${nextId++}"
        member.client.send("""{"type":"flip","card":$card,"id":"$id"}""")
        withClue("${member.client.label} flips $card") { member.client.await { it.optional("re") == id }.str("code") shouldBe code }
    }

    private companion object {
        const val BOARD = "shared"
    }
}
