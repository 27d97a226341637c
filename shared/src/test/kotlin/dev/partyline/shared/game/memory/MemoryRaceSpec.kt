package dev.partyline.shared.game.memory

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.CY
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.WATCHER
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.Standing
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe

/** Memory as a race: everyone plays their own copy of the board at once; the first to clear it wins. */
class MemoryRaceSpec : FunSpec({
    val m = MemoryFixtures
    val race = m.game(mode = "race") // 2×4: 4 pairs, misses shown for 1.5 s

    fun only(player: PlayerId, message: ServerMessage) = Emit(Audience.Only(player), message)

    test("a race starts with no turn and no clock") {
        val r = MemoryRun.start(race)
        r.opening shouldContainExactly listOf(Emit(Audience.Everyone, BoardStarted(2, 4, MemoryMode.RACE, 4, null, null)))
        r.state.wakeAt shouldBe null
        r.next(GameInput.Tick, T0 + 600_000).shouldBeEmpty()
    }

    test("everyone flips at once, and only the flipper sees the face") {
        val r = MemoryRun.start(race)
        val card = r.deal.pairs[0][0]
        r.flip(BOB, card, T0 + 1_000) shouldContainExactly listOf(only(BOB, Flipped(card, r.deal.deck[card], BOB)))
        r.flip(ADA, card, T0 + 1_000) shouldContainExactly listOf(only(ADA, Flipped(card, r.deal.deck[card], ADA)))
    }

    test("a pair is told to its finder, and everyone learns how many pairs they have") {
        val r = MemoryRun.start(race)
        val (a, b) = r.deal.pairs[0]
        r.flip(ADA, a, T0 + 1_000)
        r.flip(ADA, b, T0 + 2_000) shouldContainExactly listOf(
            only(ADA, Flipped(b, r.deal.deck[b], ADA)),
            only(ADA, PairMatched(listOf(a, b), ADA, 1)),
            Emit(Audience.Everyone, RaceProgressed(ADA, 1)),
        )
        r.state.scores shouldBe mapOf(ADA to 1, BOB to 0)
    }

    test("boards are separate: a pair found by one is still face down for the others") {
        val r = MemoryRun.start(race)
        val (a, b) = r.deal.pairs[0]
        r.flipBoth(ADA, listOf(a, b), T0 + 1_000)
        r.refusedFlip(ADA, a, T0 + 2_000).code shouldBe ErrorCode.BAD_REQUEST
        r.flipBoth(BOB, listOf(b, a), T0 + 2_000).only<PairMatched>() shouldBe PairMatched(listOf(b, a), BOB, 1)
    }

    test("a flip at hideAt, before the timer's tick, turns the missed pair down first and is taken") {
        val r = MemoryRun.start(race)
        val (a, b) = r.deal.miss
        r.flipBoth(ADA, listOf(a, b), T0 + 1_000)
        r.flip(ADA, a, T0 + 2_500) shouldContainExactly listOf(
            only(ADA, CardsHidden(listOf(a, b), ADA)),
            only(ADA, Flipped(a, r.deal.deck[a], ADA)),
        )
        r.state.wakeAt shouldBe null
    }

    test("a miss holds up only its own player, until hideAt") {
        val r = MemoryRun.start(race)
        val (a, b) = r.deal.miss
        r.flip(ADA, a, T0 + 1_000)
        r.flip(ADA, b, T0 + 2_000) shouldContainExactly listOf(
            only(ADA, Flipped(b, r.deal.deck[b], ADA)),
            only(ADA, PairMissed(listOf(a, b), ADA, T0 + 3_500)),
        )
        r.refusedFlip(ADA, (0 until 8).first { it != a && it != b }, T0 + 2_500).code shouldBe ErrorCode.WRONG_STATE
        r.flip(BOB, a, T0 + 2_500).only<Flipped>().by shouldBe BOB
        r.state.wakeAt shouldBe T0 + 3_500
        r.next(GameInput.Tick, T0 + 3_499).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 3_500) shouldContainExactly listOf(only(ADA, CardsHidden(listOf(a, b), ADA)))
        r.flip(ADA, a, T0 + 3_600).only<Flipped>().card shouldBe a
    }

    test("the next wake-up is the earliest miss to hide") {
        val r = MemoryRun.start(race, listOf(ADA, BOB))
        r.flipBoth(ADA, r.deal.miss, T0 + 1_000)
        r.flipBoth(BOB, r.deal.miss, T0 + 1_200)
        r.state.wakeAt shouldBe T0 + 2_500
        r.next(GameInput.Tick, T0 + 2_500) shouldContainExactly listOf(only(ADA, CardsHidden(r.deal.miss, ADA)))
        r.state.wakeAt shouldBe T0 + 2_700
        r.next(GameInput.Tick, T0 + 9_000) shouldContainExactly listOf(only(BOB, CardsHidden(r.deal.miss, BOB)))
        r.state.wakeAt shouldBe null
    }

    test("with missMillis 0 a missed pair turns face down at once and its player flips on") {
        val r = MemoryRun.start(m.game(mode = "race", missMillis = 0))
        val (a, b) = r.deal.miss
        r.flip(ADA, a, T0)
        r.flip(ADA, b, T0) shouldContainExactly listOf(
            only(ADA, Flipped(b, r.deal.deck[b], ADA)),
            only(ADA, PairMissed(listOf(a, b), ADA, T0)),
            only(ADA, CardsHidden(listOf(a, b), ADA)),
        )
        r.flip(ADA, b, T0).only<Flipped>().card shouldBe b
    }

    test("a race has no turn to skip, and spectators cannot flip") {
        val r = MemoryRun.start(race)
        r.rejected(GameInput.Skip, T0 + 1_000).code shouldBe ErrorCode.WRONG_STATE
        r.refusedFlip(WATCHER, 0, T0 + 1_000).code shouldBe ErrorCode.NOT_A_PLAYER
    }

    test("the first to clear their board ends the race for everyone and ranks first") {
        val r = MemoryRun.start(race, listOf(ADA, BOB, CY))
        r.flipBoth(BOB, r.deal.pairs[3], T0 + 500)
        r.deal.pairs.dropLast(1).forEachIndexed { i, pair -> r.flipBoth(ADA, pair, T0 + 1_000 + i) }
        val (a, b) = r.deal.pairs.last()
        r.flip(ADA, a, T0 + 2_000)
        r.flip(ADA, b, T0 + 2_000) shouldContainExactly listOf(
            only(ADA, Flipped(b, r.deal.deck[b], ADA)),
            only(ADA, PairMatched(listOf(a, b), ADA, 4)),
            Emit(Audience.Everyone, RaceProgressed(ADA, 4)),
            Emit(Audience.Everyone, GameOver(listOf(Standing(ADA, "ada", 4, 1), Standing(BOB, "bob", 1, 2), Standing(CY, "cy", 0, 3)), "finished", SEED)),
        )
        r.state.isOver.shouldBeTrue()
        r.state.wakeAt shouldBe null
        r.refusedFlip(BOB, 0, T0 + 3_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("the snapshot shows a player their own board only, and everyone's progress") {
        val r = MemoryRun.start(race)
        val (a, b) = r.deal.pairs[0].sorted()
        r.flipBoth(ADA, listOf(a, b), T0 + 1_000)
        val c = r.deal.pairs[1][0]
        r.flip(BOB, c, T0 + 1_000)
        val deck = r.deal.deck
        val ada = r.state.view(ADA).board
        ada.matched shouldBe listOf(a, b)
        ada.found shouldBe mapOf(a to deck[a], b to deck[b])
        ada.faceUp shouldBe emptyMap()
        ada.progress shouldBe mapOf(ADA to 1, BOB to 0)
        ada.turn shouldBe null
        ada.deadline shouldBe null
        val bob = r.state.view(BOB).board
        bob.matched shouldBe emptyList()
        bob.found shouldBe emptyMap()
        bob.faceUp shouldBe mapOf(c to deck[c])
        bob.progress shouldBe ada.progress
    }

    test("a spectator's snapshot of a race shows no cards at all") {
        val r = MemoryRun.start(race)
        r.flipBoth(ADA, r.deal.pairs[0], T0 + 1_000)
        r.flip(BOB, r.deal.pairs[1][0], T0 + 1_000)
        val board = r.state.view(WATCHER).board
        board.matched shouldBe emptyList()
        board.faceUp shouldBe emptyMap()
        board.found shouldBe emptyMap()
        board.progress shouldBe mapOf(ADA to 1, BOB to 0)
    }
})
