package dev.partyline.server.room

import dev.partyline.server.room.RoomHarness.Companion.shouldBeError
import dev.partyline.shared.game.memory.Faces
import dev.partyline.shared.game.memory.FlipCard
import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.CoreClientMessages as C
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.maps.shouldBeEmpty
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import kotlinx.serialization.json.put

/** A memory room driven through [RoomActor] on virtual time: turn deadlines and the miss delay are mailbox ticks. */
class MemoryRoomSpec : FunSpec({
    test("a turn past its deadline passes exactly at the deadline, turning a lone face-up card down") {
        runTest {
            val h = memoryRoom(turnSeconds = 5).started(listOf(ADA, BOB))
            h.of(ADA).fresh().one("board").let {
                it.str("turn") shouldBe HOST.value
                it.num("deadline") shouldBe 5_000
            }
            h.advance(1_000)
            h.send(HOST, FlipCard(0))
            h.of(BOB).fresh().one("flipped").str("face") shouldBe deck[0]
            h.settle()
            h.advance(3_999)
            h.of(ADA).fresh().shouldBeEmpty()
            h.advance(1)
            val events = h.of(ADA).fresh()
            events.types() shouldContainExactly listOf("hide", "turn")
            events.one("hide").cardsOf() shouldContainExactly listOf(0)
            events.one("turn").let {
                it.str("player") shouldBe ADA.value
                it.num("deadline") shouldBe 5_000 + 5_000
            }
        }
    }

    test("a miss shows both faces for missMillis, refuses flips meanwhile, then hides them and passes the turn") {
        runTest {
            val h = memoryRoom(missMillis = 1_500).started(listOf(ADA))
            h.settle()
            val (a, b) = miss()
            h.send(HOST, FlipCard(a))
            h.send(HOST, FlipCard(b))
            h.of(ADA).fresh().types() shouldContainExactly listOf("flipped", "flipped", "miss")
            h.send(HOST, FlipCard(pairOf(a).second), JsonPrimitive(1))
            h.of(HOST).all.last().shouldBeError("wrong_state", JsonPrimitive(1))
            h.send(ADA, FlipCard(pairOf(a).second), JsonPrimitive(2))
            h.of(ADA).all.last().shouldBeError("not_your_turn", JsonPrimitive(2))
            h.settle()
            h.advance(1_499)
            h.of(ADA).fresh().shouldBeEmpty()
            h.advance(1)
            val events = h.of(ADA).fresh()
            events.types() shouldContainExactly listOf("hide", "turn")
            events.one("turn").num("deadline") shouldBe 1_500 + 15_000
            h.send(ADA, FlipCard(a))
            h.of(HOST).fresh().one("flipped").str("by") shouldBe ADA.value
        }
    }

    test("a match keeps the turn with a fresh deadline, and the last pair ends the game with the seed") {
        runTest {
            val h = memoryRoom().started(listOf(ADA))
            for ((i, pair) in pairs().withIndex()) {
                h.advance(1_000)
                h.send(HOST, FlipCard(pair.first))
                h.send(HOST, FlipCard(pair.second))
                val events = h.of(ADA).fresh()
                events.one("match").num("score") shouldBe i + 1L
                if (i < pairs().lastIndex) events.one("turn").let {
                    it.str("player") shouldBe HOST.value
                    it.num("deadline") shouldBe h.now + 15_000
                }
            }
            val over = h.of(ADA).all.one("game_over")
            over.num("seed") shouldBe SEED
            over.getValue("leaderboard").jsonArray.first().jsonObject.num("score") shouldBe 2
            h.room.summary.value.state shouldBe "finished"
        }
    }

    test("pause keeps the time left: the turn lapses that long after the resume") {
        runTest {
            val h = memoryRoom(turnSeconds = 10).started(listOf(ADA))
            h.settle()
            h.advance(4_000)
            h.send(HOST, C.Pause)
            h.of(ADA).fresh().one("paused").num("remaining") shouldBe 6_000
            h.send(HOST, FlipCard(0), JsonPrimitive(1))
            h.of(HOST).all.last().shouldBeError("wrong_state", JsonPrimitive(1))
            h.advance(60_000)
            h.of(ADA).fresh().shouldBeEmpty()
            h.send(HOST, C.Resume)
            h.of(ADA).fresh().one("resumed").num("deadline") shouldBe 64_000 + 6_000
            h.advance(5_999)
            h.of(ADA).fresh().shouldBeEmpty()
            h.advance(1)
            h.of(ADA).fresh().one("turn").str("player") shouldBe ADA.value
        }
    }

    test("the host's skip passes the turn at once, even while a miss is showing") {
        runTest {
            val h = memoryRoom().started(listOf(ADA))
            val (a, b) = miss()
            h.send(HOST, FlipCard(a))
            h.send(HOST, FlipCard(b))
            h.settle()
            h.send(HOST, C.Skip)
            h.of(ADA).fresh().types() shouldContainExactly listOf("hide", "turn")
            h.advance(10_000)
            h.of(ADA).fresh().shouldBeEmpty()
        }
    }

    test("a player who drops is skipped while away, the turn passes at once when they held it, and they play again on return") {
        runTest {
            val h = memoryRoom().started(listOf(ADA, BOB))
            h.detach(HOST)
            h.of(ADA).fresh().ofType("turn").single().str("player") shouldBe ADA.value
            h.settle()
            val (a, b) = miss()
            h.send(ADA, FlipCard(a))
            h.send(ADA, FlipCard(b))
            h.advance(1_500)
            h.of(BOB).fresh().one("turn").str("player") shouldBe BOB.value
            h.send(BOB, FlipCard(a))
            h.send(BOB, FlipCard(b))
            h.advance(1_500)
            h.of(BOB).fresh().one("turn").str("player") shouldBe ADA.value // the host is away: skipped
            h.room.reattach(HOST, h.connect(HOST)) shouldBe true
            h.send(ADA, FlipCard(a))
            h.send(ADA, FlipCard(b))
            h.advance(1_500)
            h.of(ADA).fresh().ofType("turn").last().str("player") shouldBe BOB.value
            h.send(BOB, FlipCard(a))
            h.send(BOB, FlipCard(b))
            h.advance(1_500)
            h.of(ADA).fresh().ofType("turn").last().str("player") shouldBe HOST.value
        }
    }

    test("a resumed player's snapshot shows the matched cards and the cards face up now, with their faces") {
        runTest {
            val h = memoryRoom().started(listOf(ADA))
            val (first, second) = pairs()
            h.send(HOST, FlipCard(first.first))
            h.send(HOST, FlipCard(first.second))
            h.send(HOST, FlipCard(second.first))
            h.detach(ADA)
            h.room.reattach(ADA, h.connect(ADA)) shouldBe true
            val board = h.of(ADA).fresh().first().also { it.type shouldBe "room" }.obj("board")
            board.getValue("matched").jsonArray.map { it.jsonPrimitive.long } shouldContainExactly listOf(first.first, first.second).sorted().map(Int::toLong)
            board.obj("faceUp").mapValues { it.value.jsonPrimitive.content } shouldBe mapOf(second.first.toString() to deck[second.first])
            board.obj("found").keys shouldBe setOf(first.first.toString(), first.second.toString())
            board.str("turn") shouldBe HOST.value
        }
    }

    test("a race: flips go to the flipper alone, progress to everyone, and the first cleared board ends the game for all") {
        runTest {
            val h = memoryRoom(mode = "race").open()
            h.join(ADA)
            h.join(CY, role = Role.SPECTATOR)
            h.send(HOST, C.Start)
            h.of(CY).fresh().last().let {
                it.type shouldBe "board"
                it["turn"] shouldBe null
            }
            h.settle()
            val (first, second) = pairs()
            h.send(ADA, FlipCard(first.first))
            h.send(HOST, FlipCard(second.first))
            h.send(ADA, FlipCard(first.second))
            h.of(ADA).fresh().types() shouldContainExactly listOf("flipped", "flipped", "match", "progress")
            h.of(HOST).fresh().types() shouldContainExactly listOf("flipped", "progress")
            h.of(CY).fresh().types() shouldContainExactly listOf("progress")
            h.send(ADA, FlipCard(second.first))
            h.send(ADA, FlipCard(second.second))
            for (member in listOf(HOST, ADA, CY)) {
                val over = h.of(member).all.one("game_over")
                over.getValue("leaderboard").jsonArray.first().jsonObject.str("player") shouldBe ADA.value
            }
            h.send(HOST, FlipCard(second.second), JsonPrimitive(9))
            h.of(HOST).all.last().shouldBeError("wrong_state", JsonPrimitive(9))
        }
    }

    test("a late joiner of a race gets a board of their own and sees themselves in the progress of their snapshot") {
        runTest {
            val h = memoryRoom(mode = "race").started(listOf(ADA))
            h.send(ADA, FlipCard(pairs()[0].first))
            h.join(BOB) shouldBe true
            val board = h.of(BOB).all.first().obj("board")
            board.obj("progress").mapValues { it.value.jsonPrimitive.long } shouldBe mapOf(HOST.value to 0L, ADA.value to 0L, BOB.value to 0L)
            board.obj("faceUp").shouldBeEmpty()
            h.send(BOB, FlipCard(pairs()[0].first))
            h.send(BOB, FlipCard(pairs()[0].second))
            h.of(BOB).fresh().ofType("match").single().num("score") shouldBe 1
        }
    }

    test("in a race a snapshot shows a player only their own board, and a spectator no cards at all") {
        runTest {
            val h = memoryRoom(mode = "race").started(listOf(ADA))
            val (first, second) = pairs()
            h.send(ADA, FlipCard(first.first))
            h.send(ADA, FlipCard(first.second))
            h.send(HOST, FlipCard(second.first))
            h.join(CY, role = Role.SPECTATOR)
            val watching = h.of(CY).all.first().obj("board")
            watching.getValue("matched").jsonArray.shouldBeEmpty()
            watching.obj("faceUp").shouldBeEmpty()
            watching.obj("found").shouldBeEmpty()
            watching.obj("progress").mapValues { it.value.jsonPrimitive.long } shouldBe mapOf(HOST.value to 0L, ADA.value to 1L)
            h.detach(HOST)
            h.room.reattach(HOST, h.connect(HOST)) shouldBe true
            val own = h.of(HOST).all.first().obj("board")
            own.getValue("matched").jsonArray.shouldBeEmpty()
            own.obj("faceUp").keys shouldBe setOf(second.first.toString())
            own["turn"] shouldBe JsonNull
        }
    }
})

private const val SEED = 7L

/** The 2×2 board every spec here plays: seed [SEED] deals these faces. */
private val deck = Faces.deal(2, SEED)

/** The board's two pairs, as card indexes. */
private fun pairs(): List<Pair<Int, Int>> = deck.indices.groupBy { deck[it] }.values.map { it[0] to it[1] }

private fun pairOf(card: Int) = pairs().single { card == it.first || card == it.second }

/** Two cards that differ. */
private fun miss(): Pair<Int, Int> = pairs().let { it[0].first to it[1].first }

private fun JsonObject.cardsOf() = getValue("cards").jsonArray.map { it.jsonPrimitive.long.toInt() }

/** A memory room on the 2×2 board of [SEED], in this spec's virtual time. */
private fun TestScope.memoryRoom(turnSeconds: Int = 15, missMillis: Int = 1_500, mode: String = "turns"): RoomHarness {
    val options = buildJsonObject {
        put("rows", 2)
        put("cols", 2)
        put("seed", SEED)
        put("mode", mode)
        put("turnSeconds", turnSeconds)
        put("missMillis", missMillis)
    }
    return RoomHarness(this, options, MemoryGame)
}
