package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.CY
import dev.partyline.shared.game.DEE
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.T0
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.Paused
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Resumed
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonPrimitive

/** The host's controls (pause, resume, skip, end), late joins and `answers` progress. */
class QuizControlSpec : FunSpec({
    val q = QuizFixtures
    val three = listOf(q.single(answer = 2), q.single(answer = 0), q.single(answer = 1))
    val late = PlayerId("p_late")

    test("pausing stops the clock: no wake-up, and the time left is announced") {
        val r = QuizRun.start(three)
        r.next(GameInput.Pause, T0 + 5_000) shouldContainExactly listOf(Emit(Audience.Everyone, Paused(15_000)))
        r.state.wakeAt shouldBe null
        r.next(GameInput.Tick, T0 + 30_000).shouldBeEmpty()
        r.state.phase shouldBe QuizPhase.OPEN
    }

    test("an answer while paused is wrong_state") {
        val r = QuizRun.start(three)
        r.next(GameInput.Pause, T0 + 5_000)
        r.refusedAnswer(ADA, 0, choice = 2, at = T0 + 6_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("pausing twice or resuming a running game is wrong_state") {
        val r = QuizRun.start(three)
        r.rejected(GameInput.Resume, T0 + 1_000).code shouldBe ErrorCode.WRONG_STATE
        r.next(GameInput.Pause, T0 + 2_000)
        r.rejected(GameInput.Pause, T0 + 3_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("resuming shifts the deadline by the time spent paused") {
        val r = QuizRun.start(three)
        r.next(GameInput.Pause, T0 + 5_000)
        r.next(GameInput.Resume, T0 + 15_000) shouldContainExactly listOf(Emit(Audience.Everyone, Resumed(T0 + 30_000)))
        r.state.deadline shouldBe T0 + 30_000
        r.state.wakeAt shouldBe T0 + 30_000
        r.next(GameInput.Tick, T0 + 29_999).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 30_000).only<Reveal>().index shouldBe 0
    }

    test("time spent paused does not count against an answer") {
        val r = QuizRun.start(three, listOf(ADA))
        r.next(GameInput.Pause, T0 + 5_000)
        r.next(GameInput.Resume, T0 + 15_000)
        // 25 s after opening, of which 10 s paused: 15 s of answer time, 1000 * (1 - 15/40) = 625
        r.answer(ADA, 0, choice = 2, at = T0 + 25_000).only<Reveal>().results.single().points shouldBe 625
    }

    test("pausing during a reveal holds the next question back until resumed") {
        val r = QuizRun.start(three)
        r.next(GameInput.Tick, T0 + 20_000)
        r.next(GameInput.Pause, T0 + 21_000) shouldContainExactly listOf(Emit(Audience.Everyone, Paused(4_000)))
        r.next(GameInput.Tick, T0 + 29_000).shouldBeEmpty()
        r.next(GameInput.Resume, T0 + 31_000) shouldContainExactly listOf(Emit(Audience.Everyone, Resumed(T0 + 35_000)))
        r.next(GameInput.Tick, T0 + 34_999).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 35_000).only<QuestionView>().index shouldBe 1
    }

    test("a question everyone connected has answered closes on resume") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        r.next(GameInput.Pause, T0 + 2_000)
        r.next(GameInput.Presence(BOB, false), T0 + 3_000)
        r.next(GameInput.Resume, T0 + 4_000).only<Reveal>().index shouldBe 0
    }

    test("skip closes the open question at once") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        val reveal = r.next(GameInput.Skip, T0 + 2_000).only<Reveal>()
        reveal.results.map { it.correct } shouldContainExactly listOf(true, false)
        r.state.wakeAt shouldBe T0 + 7_000
    }

    test("skip during a reveal opens the next question at once") {
        val r = QuizRun.start(three)
        r.next(GameInput.Skip, T0 + 2_000)
        r.next(GameInput.Skip, T0 + 3_000).only<QuestionView>().let { it.index to it.deadline } shouldBe (1 to T0 + 23_000)
    }

    test("skipping the last question ends the quiz") {
        val r = QuizRun.start(listOf(q.single()))
        val emits = r.next(GameInput.Skip, T0 + 1_000)
        emits.map { it.message::class } shouldContainExactly listOf(Reveal::class, GameOver::class)
        r.state.isOver.shouldBeTrue()
        r.rejected(GameInput.Skip, T0 + 2_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("skip while paused is wrong_state") {
        val r = QuizRun.start(three)
        r.next(GameInput.Pause, T0 + 1_000)
        r.rejected(GameInput.Skip, T0 + 2_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("end emits game_over with reason ended, and the quiz is over") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0)
        r.next(GameInput.Skip, T0 + 1_000)
        val over = r.next(GameInput.End, T0 + 2_000).only<GameOver>()
        over.reason shouldBe "ended"
        over.leaderboard.map { it.player to it.score } shouldContainExactly listOf(ADA to 1000, BOB to 0)
        r.state.isOver.shouldBeTrue()
        r.state.wakeAt shouldBe null
        r.rejected(GameInput.End, T0 + 3_000).code shouldBe ErrorCode.WRONG_STATE
        r.rejected(GameInput.Pause, T0 + 3_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("end works while paused") {
        val r = QuizRun.start(three)
        r.next(GameInput.Pause, T0 + 1_000)
        r.next(GameInput.End, T0 + 2_000).only<GameOver>().reason shouldBe "ended"
        r.state.isOver.shouldBeTrue()
    }

    test("a late joiner is accepted by default and starts at 0") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0)
        r.answer(BOB, 0, choice = 2, at = T0)
        r.next(GameInput.Joined(Seat(late, "late")), T0 + 1_000)
        r.state.scores shouldBe mapOf(ADA to 1000, BOB to 1000, late to 0)
        r.next(GameInput.Tick, T0 + 5_000)
        r.answer(late, 1, choice = 0, at = T0 + 5_000).noneOf<Reveal>()
    }

    test("a late joiner keeps an open question open until they answer") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0)
        r.next(GameInput.Joined(Seat(late, "late")), T0 + 500)
        r.answer(BOB, 0, choice = 2, at = T0 + 1_000).noneOf<Reveal>()
        r.answer(late, 0, choice = 1, at = T0 + 2_000).only<Reveal>().results.map { it.player } shouldContainExactly listOf(ADA, BOB, late)
    }

    test("a join by a player already seated keeps their score") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0)
        r.answer(BOB, 0, choice = 1, at = T0)
        r.step(GameInput.Joined(Seat(ADA, "ada")), T0 + 1_000)
        r.state.scores[ADA] shouldBe 1000
        r.state.players.getValue(ADA).streak shouldBe 1
    }

    test("a late joiner is wrong_state when lateJoin is false") {
        val r = QuizRun.start(three, listOf(ADA, BOB), T0, "lateJoin" to JsonPrimitive(false))
        r.rejected(GameInput.Joined(Seat(late, "late")), T0 + 1_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("nobody joins a quiz that is over") {
        val r = QuizRun.start(three)
        r.next(GameInput.End, T0 + 1_000)
        r.rejected(GameInput.Joined(Seat(late, "late")), T0 + 2_000).code shouldBe ErrorCode.WRONG_STATE
    }

    test("progress goes out with the first answer, then at most once per interval") {
        val r = QuizRun.start(three, listOf(ADA, BOB, CY, DEE))
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000).only<AnswerProgress>() shouldBe AnswerProgress(0, 1, 4)
        r.answer(BOB, 0, choice = 2, at = T0 + 1_100).noneOf<AnswerProgress>()
        r.answer(CY, 0, choice = 2, at = T0 + 1_200).noneOf<AnswerProgress>()
        r.state.wakeAt shouldBe T0 + 1_000 + Crowd.SUMMARY_INTERVAL_MS
    }

    test("a progress held back goes out on the next tick once the interval has passed") {
        val r = QuizRun.start(three, listOf(ADA, BOB, CY, DEE))
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        r.answer(BOB, 0, choice = 2, at = T0 + 1_100)
        r.answer(CY, 0, choice = 2, at = T0 + 1_200)
        r.next(GameInput.Tick, T0 + 1_249).shouldBeEmpty()
        r.next(GameInput.Tick, T0 + 1_250) shouldContainExactly listOf(Emit(Audience.Everyone, AnswerProgress(0, 3, 4)))
        r.state.wakeAt shouldBe T0 + 20_000
        r.next(GameInput.Tick, T0 + 1_600).shouldBeEmpty()
    }

    test("an answer after the interval sends progress right away") {
        val r = QuizRun.start(three, listOf(ADA, BOB, CY, DEE))
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        r.answer(BOB, 0, choice = 2, at = T0 + 1_250).only<AnswerProgress>() shouldBe AnswerProgress(0, 2, 4)
    }

    test("the answer that closes the question sends the reveal, not progress") {
        val r = QuizRun.start(three, listOf(ADA, BOB))
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        val emits = r.answer(BOB, 0, choice = 2, at = T0 + 1_100)
        emits.noneOf<AnswerProgress>()
        emits.only<Reveal>()
    }
})
