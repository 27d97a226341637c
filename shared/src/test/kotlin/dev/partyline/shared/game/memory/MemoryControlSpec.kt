package dev.partyline.shared.game.memory

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.CY
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.WATCHER
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.Paused
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Resumed
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.Standing
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe

/** The host's controls (pause, resume, skip, end), players dropping, leaving, coming back and joining late. */
class MemoryControlSpec : FunSpec({
    val m = MemoryFixtures
    val game = m.game() // 2×4 in turns: 4 pairs, 15 s a turn, misses shown for 1.5 s
    val race = m.game(mode = "race")

    fun everyone(message: ServerMessage) = Emit(Audience.Everyone, message)
    fun seat(player: PlayerId) = Seat(player, player.value.removePrefix("p_"))

    test("skip with nobody on turn is refused: there is no turn to pass") {
        val r = MemoryRun.start(game, offline = setOf(ADA, BOB))
        r.state.turn shouldBe null
        r.rejected(GameInput.Skip, T0 + 1_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("pausing stops the clock: the time left is announced, no wake-up, no flips") {
        val r = MemoryRun.start(game)
        r.next(GameInput.Pause, T0 + 5_000) shouldContainExactly listOf(everyone(Paused(10_000)))
        r.state.wakeAt shouldBe null
        r.next(GameInput.Tick, T0 + 60_000).shouldBeEmpty()
        r.refusedFlip(ADA, 0, T0 + 60_000).code shouldBe ErrorCode.WRONG_STATE
        r.state.view(BOB).paused shouldBe true
    }

    test("pausing a race announces no time left, and holds every board") {
        val r = MemoryRun.start(race)
        r.next(GameInput.Pause, T0 + 5_000) shouldContainExactly listOf(everyone(Paused(null)))
        r.refusedFlip(BOB, 0, T0 + 6_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("pausing twice or resuming a running game is wrong_state") {
        val r = MemoryRun.start(game)
        r.rejected(GameInput.Resume, T0 + 1_000).code shouldBe ErrorCode.WRONG_STATE
        r.next(GameInput.Pause, T0 + 2_000)
        r.rejected(GameInput.Pause, T0 + 3_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("resuming shifts the turn's deadline by the time spent paused") {
        val r = MemoryRun.start(game)
        r.next(GameInput.Pause, T0 + 5_000)
        r.next(GameInput.Resume, T0 + 15_000) shouldContainExactly listOf(everyone(Resumed(T0 + 25_000)))
        r.state.wakeAt shouldBe T0 + 25_000
        r.state.view(ADA).paused shouldBe false
        r.next(GameInput.Tick, T0 + 24_999).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 25_000).only<TurnStarted>() shouldBe TurnStarted(BOB, T0 + 40_000)
    }

    test("resuming shifts a showing miss too: the cards stay up as long as they would have") {
        val r = MemoryRun.start(game)
        r.flipBoth(ADA, r.deal.miss, T0 + 1_000)
        r.next(GameInput.Pause, T0 + 2_000)
        r.next(GameInput.Resume, T0 + 12_000)
        r.state.wakeAt shouldBe T0 + 12_500
        r.state.view(BOB).board.hideAt shouldBe T0 + 12_500
        r.next(GameInput.Tick, T0 + 12_499).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 12_500).map { it.message } shouldContainExactly listOf(CardsHidden(r.deal.miss, ADA), TurnStarted(BOB, T0 + 27_500))
    }

    test("resuming a race shifts its missed pairs' hideAt") {
        val r = MemoryRun.start(race)
        r.flipBoth(BOB, r.deal.miss, T0 + 1_000)
        r.next(GameInput.Pause, T0 + 2_000)
        r.next(GameInput.Resume, T0 + 5_000) shouldContainExactly listOf(everyone(Resumed(null)))
        r.state.wakeAt shouldBe T0 + 5_500
        r.next(GameInput.Tick, T0 + 5_500) shouldContainExactly listOf(Emit(Audience.Only(BOB), CardsHidden(r.deal.miss, BOB)))
    }

    test("skip ends the turn like a lapsed deadline") {
        val r = MemoryRun.start(game)
        val card = r.deal.pairs[0][0]
        r.flip(ADA, card, T0 + 1_000)
        r.next(GameInput.Skip, T0 + 2_000) shouldContainExactly listOf(everyone(CardsHidden(listOf(card), ADA)), everyone(TurnStarted(BOB, T0 + 17_000)))
        r.next(GameInput.Skip, T0 + 3_000) shouldContainExactly listOf(everyone(TurnStarted(ADA, T0 + 18_000)))
    }

    test("skip during a showing miss turns the cards down and passes the turn at once") {
        val r = MemoryRun.start(game)
        r.flipBoth(ADA, r.deal.miss, T0 + 1_000)
        r.next(GameInput.Skip, T0 + 1_100) shouldContainExactly listOf(everyone(CardsHidden(r.deal.miss, ADA)), everyone(TurnStarted(BOB, T0 + 16_100)))
        r.state.wakeAt shouldBe T0 + 16_100
    }

    test("skip while paused or after the game is wrong_state") {
        val r = MemoryRun.start(game)
        r.next(GameInput.Pause, T0 + 1_000)
        r.rejected(GameInput.Skip, T0 + 2_000).code shouldBe ErrorCode.WRONG_STATE
        r.next(GameInput.End, T0 + 3_000)
        r.rejected(GameInput.Skip, T0 + 4_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("end stops the game at once with reason ended, even while paused") {
        val r = MemoryRun.start(game)
        r.flipBoth(ADA, r.deal.pairs[0], T0 + 1_000)
        r.next(GameInput.Pause, T0 + 2_000)
        r.next(GameInput.End, T0 + 3_000) shouldContainExactly listOf(
            everyone(GameOver(listOf(Standing(ADA, "ada", 1, 1), Standing(BOB, "bob", 0, 2)), "ended", SEED)),
        )
        r.state.isOver.shouldBeTrue()
        r.state.wakeAt shouldBe null
        r.state.view(ADA).paused shouldBe false
        r.rejected(GameInput.End, T0 + 4_000).code shouldBe ErrorCode.WRONG_STATE
        r.rejected(GameInput.Pause, T0 + 4_000).code shouldBe ErrorCode.WRONG_STATE
        r.rejected(GameInput.Resume, T0 + 4_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("when every player has left the game is abandoned") {
        val r = MemoryRun.start(game)
        r.next(GameInput.Gone(ADA), T0 + 1_000).only<TurnStarted>().player shouldBe BOB
        r.next(GameInput.Gone(BOB), T0 + 2_000) shouldContainExactly listOf(everyone(GameOver(emptyList(), "abandoned", SEED)))
        r.state.isOver.shouldBeTrue()
    }

    test("a player who left cannot flip and drops out of the leaderboard") {
        val r = MemoryRun.start(game, listOf(ADA, BOB, CY))
        r.flipBoth(ADA, r.deal.pairs[0], T0 + 1_000)
        r.next(GameInput.Gone(ADA), T0 + 2_000)
        r.refusedFlip(ADA, r.deal.pairs[1][0], T0 + 3_000).code shouldBe ErrorCode.NOT_A_PLAYER
        r.next(GameInput.End, T0 + 4_000).only<GameOver>().leaderboard shouldContainExactly listOf(
            Standing(BOB, "bob", 0, 1), Standing(CY, "cy", 0, 1),
        )
    }

    test("the player on turn dropping passes the turn at once, turning their card down") {
        val r = MemoryRun.start(game, listOf(ADA, BOB, CY))
        val card = r.deal.pairs[0][0]
        r.flip(ADA, card, T0 + 1_000)
        r.next(GameInput.Presence(ADA, false), T0 + 2_000) shouldContainExactly listOf(
            everyone(CardsHidden(listOf(card), ADA)), everyone(TurnStarted(BOB, T0 + 17_000)),
        )
        r.next(GameInput.Presence(ADA, true), T0 + 3_000).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 17_000).only<TurnStarted>().player shouldBe CY
    }

    test("the player on turn dropping while their miss shows keeps it showing, and the turn passes at the hide") {
        val r = MemoryRun.start(game)
        r.flipBoth(ADA, r.deal.miss, T0 + 1_000)
        r.next(GameInput.Presence(ADA, false), T0 + 1_200).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 2_500).map { it.message } shouldContainExactly listOf(CardsHidden(r.deal.miss, ADA), TurnStarted(BOB, T0 + 17_500))
    }

    test("the player on turn leaving passes the turn at once") {
        val r = MemoryRun.start(game)
        val card = r.deal.pairs[0][0]
        r.flip(ADA, card, T0 + 1_000)
        r.next(GameInput.Gone(ADA), T0 + 2_000) shouldContainExactly listOf(everyone(CardsHidden(listOf(card), ADA)), everyone(TurnStarted(BOB, T0 + 17_000)))
    }

    test("the player on turn leaving while their miss shows keeps it showing, and the turn passes at the hide") {
        val r = MemoryRun.start(game)
        r.flipBoth(ADA, r.deal.miss, T0 + 1_000)
        r.next(GameInput.Gone(ADA), T0 + 1_200).shouldBeEmpty()
        r.state.view(BOB).board.hideAt shouldBe T0 + 2_500
        r.next(GameInput.Tick, T0 + 2_500).map { it.message } shouldContainExactly listOf(CardsHidden(r.deal.miss, ADA), TurnStarted(BOB, T0 + 17_500))
    }

    test("the player on turn dropping or leaving during a pause hands the turn on when the game resumes, and resumed gives the new turn's deadline") {
        for (input in listOf(GameInput.Presence(ADA, false), GameInput.Gone(ADA))) {
            val r = MemoryRun.start(game)
            r.next(GameInput.Pause, T0 + 1_000)
            r.next(input, T0 + 2_000).shouldBeEmpty()
            r.next(GameInput.Resume, T0 + 5_000).map { it.message } shouldContainExactly listOf(Resumed(T0 + 20_000), TurnStarted(BOB, T0 + 20_000))
        }
    }

    test("with nobody connected nobody is on turn, and the first to come back gets it") {
        val r = MemoryRun.start(game, listOf(ADA, BOB, CY))
        r.next(GameInput.Presence(BOB, false), T0 + 1_000).shouldBeEmpty()
        r.next(GameInput.Presence(CY, false), T0 + 1_000).shouldBeEmpty()
        r.next(GameInput.Presence(ADA, false), T0 + 2_000) shouldContainExactly listOf(everyone(TurnStarted(null, null)))
        r.state.wakeAt shouldBe null
        r.state.view(WATCHER).board.turn shouldBe null
        r.next(GameInput.Presence(CY, true), T0 + 9_000) shouldContainExactly listOf(everyone(TurnStarted(CY, T0 + 24_000)))
        r.next(GameInput.Presence(ADA, true), T0 + 9_500).shouldBeEmpty()
    }

    test("presence of someone who is not a player changes nothing") {
        val r = MemoryRun.start(game)
        val before = r.state
        r.next(GameInput.Presence(WATCHER, false), T0 + 1_000).shouldBeEmpty()
        r.state shouldBe before
    }

    test("a newcomer joins the rotation after the last seat") {
        val r = MemoryRun.start(game)
        r.next(GameInput.Joined(seat(CY)), T0 + 1_000).shouldBeEmpty()
        val order = (1..3).map { i -> r.next(GameInput.Tick, T0 + i * 15_000L).only<TurnStarted>().player }
        order shouldContainExactly listOf(BOB, CY, ADA)
    }

    test("a newcomer takes the turn when nobody else is connected") {
        val r = MemoryRun.start(game, offline = setOf(ADA, BOB))
        r.next(GameInput.Joined(seat(CY)), T0 + 4_000) shouldContainExactly listOf(everyone(TurnStarted(CY, T0 + 19_000)))
        r.flip(CY, 0, T0 + 5_000).only<Flipped>().by shouldBe CY
    }

    test("a player who left and comes back keeps their pairs") {
        val r = MemoryRun.start(game)
        r.flipBoth(ADA, r.deal.pairs[0], T0 + 1_000)
        r.next(GameInput.Gone(ADA), T0 + 2_000).only<TurnStarted>().player shouldBe BOB
        r.next(GameInput.Joined(seat(ADA)), T0 + 3_000).shouldBeEmpty()
        r.state.scores shouldBe mapOf(ADA to 1, BOB to 0)
        r.next(GameInput.Tick, T0 + 17_000).only<TurnStarted>().player shouldBe ADA
        r.flipBoth(ADA, r.deal.pairs[1], T0 + 18_000).only<PairMatched>().score shouldBe 2
    }

    test("a newcomer to a race gets a fresh board of the same deal") {
        val r = MemoryRun.start(race)
        r.flipBoth(ADA, r.deal.pairs[0], T0 + 1_000)
        r.next(GameInput.Joined(seat(CY)), T0 + 2_000).shouldBeEmpty()
        r.state.view(CY).board.matched shouldBe emptyList()
        r.flipBoth(CY, r.deal.pairs[0], T0 + 3_000) shouldContainExactly listOf(
            Emit(Audience.Only(CY), Flipped(r.deal.pairs[0][1], r.deal.deck[r.deal.pairs[0][1]], CY)),
            Emit(Audience.Only(CY), PairMatched(r.deal.pairs[0], CY, 1)),
            everyone(RaceProgressed(CY, 1)),
        )
    }

    test("a racer who left and comes back finds their board as they left it") {
        val r = MemoryRun.start(race)
        r.flipBoth(BOB, r.deal.pairs[0], T0 + 1_000)
        r.next(GameInput.Gone(BOB), T0 + 2_000).shouldBeEmpty()
        r.next(GameInput.Joined(seat(BOB)), T0 + 3_000).shouldBeEmpty()
        r.state.scores shouldBe mapOf(ADA to 0, BOB to 1)
        r.refusedFlip(BOB, r.deal.pairs[0][0], T0 + 4_000).code shouldBe ErrorCode.BAD_REQUEST
    }

    test("joining a game that is over is wrong_state") {
        val r = MemoryRun.start(game)
        r.next(GameInput.End, T0 + 1_000)
        r.rejected(GameInput.Joined(seat(CY)), T0 + 2_000).code shouldBe ErrorCode.WRONG_STATE
    }
})
