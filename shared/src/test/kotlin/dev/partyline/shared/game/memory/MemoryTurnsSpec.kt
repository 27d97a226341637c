package dev.partyline.shared.game.memory

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.CY
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.WATCHER
import dev.partyline.shared.game.wire
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.Standing
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** Classic memory in turns: one shared board, flips seen by all, a pair keeps the turn, a miss or the clock passes it. */
class MemoryTurnsSpec : FunSpec({
    val m = MemoryFixtures
    val game = m.game() // 2×4: 4 pairs, 15 s a turn, misses shown for 1.5 s

    fun everyone(message: ServerMessage) = Emit(Audience.Everyone, message)

    test("a flip after the deadline, before the timer's tick, is judged by the clock: the turn has passed") {
        val r = MemoryRun.start(game)
        r.refusedFlip(ADA, 0, T0 + 15_000).code shouldBe ErrorCode.NOT_YOUR_TURN
        r.state.turn shouldBe ADA // a refusal changes nothing; the tick passes the turn
        r.next(GameInput.Tick, T0 + 15_000).only<TurnStarted>().player shouldBe BOB
    }

    test("the first connected seat begins, with a deadline turnSeconds away") {
        val r = MemoryRun.start(game, listOf(ADA, BOB, CY), offline = setOf(ADA))
        r.opening shouldContainExactly listOf(everyone(BoardStarted(2, 4, MemoryMode.TURNS, 4, BOB, T0 + 15_000)))
        r.state.wakeAt shouldBe T0 + 15_000
    }

    test("with nobody connected at the start no turn runs until someone comes") {
        val r = MemoryRun.start(game, listOf(ADA, BOB), offline = setOf(ADA, BOB))
        r.opening shouldContainExactly listOf(everyone(BoardStarted(2, 4, MemoryMode.TURNS, 4, null, null)))
        r.state.wakeAt shouldBe null
        r.refusedFlip(ADA, 0, T0 + 1_000).code shouldBe ErrorCode.NOT_YOUR_TURN
        r.next(GameInput.Presence(BOB, true), T0 + 5_000) shouldContainExactly listOf(everyone(TurnStarted(BOB, T0 + 20_000)))
    }

    test("a flip shows the card's face to everyone") {
        val r = MemoryRun.start(game)
        val card = r.deal.pairs[0][0]
        r.flip(ADA, card, T0 + 1_000) shouldContainExactly listOf(everyone(Flipped(card, r.deal.deck[card], ADA)))
        r.state.wakeAt shouldBe T0 + 15_000
    }

    test("a pair scores, stays face up, and its finder goes again with a fresh deadline") {
        val r = MemoryRun.start(game)
        val (a, b) = r.deal.pairs[0]
        r.flip(ADA, a, T0 + 1_000)
        r.flip(ADA, b, T0 + 2_000) shouldContainExactly listOf(
            everyone(Flipped(b, r.deal.deck[b], ADA)),
            everyone(PairMatched(listOf(a, b), ADA, 1)),
            everyone(TurnStarted(ADA, T0 + 17_000)),
        )
        r.state.scores shouldBe mapOf(ADA to 1, BOB to 0)
        r.state.wakeAt shouldBe T0 + 17_000
        val (c, d) = r.deal.pairs[1]
        r.flip(ADA, d, T0 + 3_000)
        r.flip(ADA, c, T0 + 4_000).only<PairMatched>() shouldBe PairMatched(listOf(d, c), ADA, 2)
    }

    test("a miss stays visible until hideAt, then turns face down and the turn passes") {
        val r = MemoryRun.start(game)
        val (a, b) = r.deal.miss
        r.flip(ADA, a, T0 + 1_000)
        r.flip(ADA, b, T0 + 2_000) shouldContainExactly listOf(
            everyone(Flipped(b, r.deal.deck[b], ADA)),
            everyone(PairMissed(listOf(a, b), ADA, T0 + 3_500)),
        )
        r.state.wakeAt shouldBe T0 + 3_500
        r.next(GameInput.Tick, T0 + 3_499).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 3_500) shouldContainExactly listOf(
            everyone(CardsHidden(listOf(a, b), ADA)),
            everyone(TurnStarted(BOB, T0 + 18_500)),
        )
        r.state.scores shouldBe mapOf(ADA to 0, BOB to 0)
        r.flip(BOB, a, T0 + 4_000).only<Flipped>().card shouldBe a
    }

    test("while a miss is showing its player cannot flip, and nobody else is on turn") {
        val r = MemoryRun.start(game)
        val missed = r.deal.miss
        r.flipBoth(ADA, missed, T0 + 1_000)
        val other = (0 until 8).first { it !in missed }
        r.refusedFlip(ADA, other, T0 + 1_200).code shouldBe ErrorCode.WRONG_STATE
        r.refusedFlip(BOB, other, T0 + 1_200).code shouldBe ErrorCode.NOT_YOUR_TURN
    }

    test("a miss outlasting the turn's deadline still shows until hideAt") {
        val r = MemoryRun.start(m.game(turnSeconds = 3, missMillis = 5_000))
        r.flipBoth(ADA, r.deal.miss, T0 + 2_000)
        r.state.wakeAt shouldBe T0 + 7_000
        r.next(GameInput.Tick, T0 + 3_000).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 7_000).map { it.message } shouldContainExactly listOf(CardsHidden(r.deal.miss, ADA), TurnStarted(BOB, T0 + 10_000))
    }

    test("with missMillis 0 a miss turns face down at once and the turn passes") {
        val r = MemoryRun.start(m.game(missMillis = 0))
        val (a, b) = r.deal.miss
        r.flip(ADA, a, T0 + 1_000)
        r.flip(ADA, b, T0 + 2_000) shouldContainExactly listOf(
            everyone(Flipped(b, r.deal.deck[b], ADA)),
            everyone(PairMissed(listOf(a, b), ADA, T0 + 2_000)),
            everyone(CardsHidden(listOf(a, b), ADA)),
            everyone(TurnStarted(BOB, T0 + 17_000)),
        )
        r.state.wakeAt shouldBe T0 + 17_000
    }

    test("flips that cannot be made are refused and change nothing") {
        val r = MemoryRun.start(game)
        val (a, b) = r.deal.pairs[0]
        r.refusedFlip(WATCHER, a, T0).code shouldBe ErrorCode.NOT_A_PLAYER
        r.refusedFlip(ADA, -1, T0).code shouldBe ErrorCode.BAD_REQUEST
        r.refusedFlip(ADA, 8, T0).message shouldContain "0 to 7"
        r.refusedFlip(BOB, a, T0).code shouldBe ErrorCode.NOT_YOUR_TURN
        r.rejected(GameInput.Move(ADA, NotAMemoryMove, T0), T0).code shouldBe ErrorCode.WRONG_STATE
        r.flip(ADA, a, T0)
        r.refusedFlip(ADA, a, T0 + 100).code shouldBe ErrorCode.BAD_REQUEST
        r.flip(ADA, b, T0 + 200)
        r.refusedFlip(ADA, a, T0 + 300).message shouldContain "matched"
        r.refusedFlip(ADA, b, T0 + 300).code shouldBe ErrorCode.BAD_REQUEST
    }

    test("a tick at the deadline turns a lone face-up card down and passes the turn") {
        val r = MemoryRun.start(game)
        val card = r.deal.pairs[0][0]
        r.flip(ADA, card, T0 + 1_000)
        r.next(GameInput.Tick, T0 + 14_999).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 15_000) shouldContainExactly listOf(everyone(CardsHidden(listOf(card), ADA)), everyone(TurnStarted(BOB, T0 + 30_000)))
        r.flip(BOB, card, T0 + 16_000).only<Flipped>().face shouldBe r.deal.deck[card]
    }

    test("a lapsed turn without a card up only passes the turn") {
        val r = MemoryRun.start(game)
        r.next(GameInput.Tick, T0 + 20_000) shouldContainExactly listOf(everyone(TurnStarted(BOB, T0 + 35_000)))
    }

    test("turns go round in seat order and wrap to the first seat") {
        val r = MemoryRun.start(game, listOf(ADA, BOB, CY))
        val order = (1..4).map { i -> r.next(GameInput.Tick, T0 + i * 15_000L).only<TurnStarted>().player }
        order shouldContainExactly listOf(BOB, CY, ADA, BOB)
    }

    test("a disconnected player is skipped") {
        val r = MemoryRun.start(game, listOf(ADA, BOB, CY))
        r.next(GameInput.Presence(BOB, false), T0 + 1_000).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 15_000).only<TurnStarted>().player shouldBe CY
        r.next(GameInput.Tick, T0 + 30_000).only<TurnStarted>().player shouldBe ADA
    }

    test("playing alone keeps the turn after a miss and after a lapsed turn") {
        val r = MemoryRun.start(game, listOf(ADA))
        r.flipBoth(ADA, r.deal.miss, T0 + 1_000)
        r.next(GameInput.Tick, T0 + 2_500).only<TurnStarted>() shouldBe TurnStarted(ADA, T0 + 17_500)
        r.next(GameInput.Tick, T0 + 17_500).only<TurnStarted>() shouldBe TurnStarted(ADA, T0 + 32_500)
    }

    test("the last pair ends the game: game_over to everyone, ranked by pairs, ties sharing a rank") {
        val r = MemoryRun.start(game, listOf(ADA, BOB, CY))
        val pairs = r.deal.pairs
        r.flipBoth(ADA, pairs[0], T0 + 1_000)
        r.flipBoth(ADA, pairs[1], T0 + 2_000)
        r.flipBoth(ADA, r.deal.missAvoiding(pairs[0] + pairs[1]), T0 + 3_000)
        r.next(GameInput.Tick, T0 + 4_500).only<TurnStarted>().player shouldBe BOB
        r.flipBoth(BOB, pairs[2], T0 + 5_000)
        val last = r.flipBoth(BOB, pairs[3], T0 + 6_000)
        last.map { it.message::class } shouldContainExactly listOf(Flipped::class, PairMatched::class, GameOver::class)
        last.last() shouldBe everyone(
            GameOver(listOf(Standing(ADA, "ada", 2, 1), Standing(BOB, "bob", 2, 1), Standing(CY, "cy", 0, 3)), "finished", SEED),
        )
        r.state.isOver.shouldBeTrue()
        r.state.wakeAt shouldBe null
        r.next(GameInput.Tick, T0 + 60_000).shouldBeEmpty()
        r.refusedFlip(BOB, 0, T0 + 60_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("the snapshot shows everyone the shared board: pairs found, cards face up, whose turn until when") {
        val r = MemoryRun.start(game)
        val (a, b) = r.deal.pairs[0].sorted()
        r.flipBoth(ADA, listOf(a, b), T0 + 1_000)
        val c = r.deal.pairs[1][1]
        r.flip(ADA, c, T0 + 2_000)
        val deck = r.deal.deck
        val expected = buildJsonObject {
            put("board", buildJsonObject {
                put("rows", 2)
                put("cols", 4)
                put("mode", "turns")
                put("pairs", 4)
                put("turn", "p_ada")
                put("deadline", T0 + 16_000)
                put("matched", buildJsonArray { add(JsonPrimitive(a)); add(JsonPrimitive(b)) })
                put("faceUp", buildJsonObject { put("$c", deck[c]) })
                put("found", buildJsonObject { put("$a", deck[a]); put("$b", deck[b]) })
                put("hideAt", JsonNull)
            })
            put("paused", false)
        }
        r.state.view(ADA).wire() shouldBe expected
        r.state.view(BOB).wire() shouldBe expected
        r.state.view(WATCHER).wire() shouldBe expected
    }

    test("the snapshot during a miss shows both cards and when they turn down") {
        val r = MemoryRun.start(game)
        val (a, b) = r.deal.miss
        r.flipBoth(ADA, listOf(a, b), T0 + 1_000)
        val board = r.state.view(BOB).board
        board.faceUp shouldBe mapOf(a to r.deal.deck[a], b to r.deal.deck[b])
        board.hideAt shouldBe T0 + 2_500
        r.next(GameInput.Tick, T0 + 2_500)
        r.state.view(BOB).board.faceUp shouldBe emptyMap()
    }
})
