package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.CY
import dev.partyline.shared.game.DEE
import dev.partyline.shared.game.EVE
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.PlayerId
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/** Answer moves: who may answer which question when, in which shape, and how they are judged. */
class QuizAnswerSpec : FunSpec({
    val q = QuizFixtures
    // single (answer 2), multi (answer 0 and 2), typed, truefalse (answer 1) without choices
    val questions = listOf(
        q.single(answer = 2),
        q.multi(answer = listOf(0, 2)),
        q.typed(accept = listOf("Ada Lovelace", "Lovelace")),
        q.trueFalse(answer = 1),
    )
    val players = listOf(ADA, BOB, CY)

    fun run() = QuizRun.start(questions, players)

    /** A run with the question at [index] open, opened at the returned time. */
    fun runAt(index: Int): Pair<QuizRun, Long> {
        val r = run()
        var now = T0
        repeat(index) {
            now += 100
            r.next(GameInput.Skip, now) // close
            now += 100
            r.next(GameInput.Skip, now) // open the next
        }
        return r to now
    }

    test("an accepted answer is acknowledged to the requester alone") {
        val r = run()
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000) shouldContainExactly listOf(
            Emit(Audience.Requester, AnswerAck(0)),
            Emit(Audience.Everyone, AnswerProgress(0, 1, 3)),
        )
        r.state.answers.keys shouldContainExactly setOf(ADA)
    }

    test("a single-choice answer in the wrong shape is bad_request") {
        val r = run()
        listOf(
            r.answerInput(ADA, 0, at = T0),
            r.answerInput(ADA, 0, choice = 4, at = T0),
            r.answerInput(ADA, 0, choice = -1, at = T0),
            r.answerInput(ADA, 0, choices = listOf(2), at = T0),
            r.answerInput(ADA, 0, text = "c", at = T0),
            r.answerInput(ADA, 0, choice = 2, text = "c", at = T0),
            r.answerInput(ADA, 0, choice = 2, choices = listOf(2), at = T0),
        ).forEach { r.rejected(it, T0).code shouldBe ErrorCode.BAD_REQUEST }
    }

    test("a multi-choice answer in the wrong shape is bad_request") {
        val (r, now) = runAt(1)
        listOf(
            r.answerInput(ADA, 1, choice = 0, at = now),
            r.answerInput(ADA, 1, choices = emptyList(), at = now),
            r.answerInput(ADA, 1, choices = listOf(0, 0), at = now),
            r.answerInput(ADA, 1, choices = listOf(0, 4), at = now),
            r.answerInput(ADA, 1, choices = listOf(0, 2), text = "a", at = now),
        ).forEach { r.rejected(it, now).code shouldBe ErrorCode.BAD_REQUEST }
    }

    test("a typed answer in the wrong shape is bad_request") {
        val (r, now) = runAt(2)
        listOf(
            r.answerInput(ADA, 2, choice = 0, at = now),
            r.answerInput(ADA, 2, text = "", at = now),
            r.answerInput(ADA, 2, text = "   ", at = now),
            r.answerInput(ADA, 2, text = "x".repeat(201), at = now),
            r.answerInput(ADA, 2, text = "Lovelace", choices = listOf(0), at = now),
            r.answerInput(ADA, 2, text = "Love\u0000lace", at = now),
            r.answerInput(ADA, 2, text = "Lovelace\u202E", at = now),
        ).forEach { r.rejected(it, now).code shouldBe ErrorCode.BAD_REQUEST }
    }

    test("a bad_request names the field the question wants") {
        val r = run()
        r.refusedAnswer(ADA, 0, text = "c", at = T0).message shouldContain "\"choice\""
    }

    test("an answer for a question not yet asked is bad_request") {
        val r = run()
        r.refusedAnswer(ADA, 1, choices = listOf(0, 2), at = T0).code shouldBe ErrorCode.BAD_REQUEST
        r.refusedAnswer(ADA, -1, choice = 2, at = T0).code shouldBe ErrorCode.BAD_REQUEST
    }

    test("an answer for a past question is too_late") {
        val (r, now) = runAt(1)
        r.refusedAnswer(ADA, 0, choice = 2, at = now).code shouldBe ErrorCode.TOO_LATE
    }

    test("an answer to a question already revealed is too_late") {
        val r = run()
        r.next(GameInput.Skip, T0 + 100)
        r.refusedAnswer(ADA, 0, choice = 2, at = T0 + 50, now = T0 + 200).code shouldBe ErrorCode.TOO_LATE
    }

    test("an answer received after the deadline is too_late, even before the room ticks") {
        val r = run()
        val deadline = r.state.deadline
        r.refusedAnswer(ADA, 0, choice = 2, at = deadline + 1, now = deadline + 5).code shouldBe ErrorCode.TOO_LATE
    }

    test("an answer received exactly at the deadline is accepted") {
        val r = run()
        val deadline = r.state.deadline
        r.answer(ADA, 0, choice = 2, at = deadline, now = deadline + 5).first() shouldBe Emit(Audience.Requester, AnswerAck(0))
    }

    test("a second answer to the same question is already_answered") {
        val r = run()
        r.answer(ADA, 0, choice = 1, at = T0 + 100)
        r.refusedAnswer(ADA, 0, choice = 2, at = T0 + 200).code shouldBe ErrorCode.ALREADY_ANSWERED
    }

    test("a member who is not a player gets not_a_player") {
        val r = run()
        r.refusedAnswer(PlayerId("p_watcher"), 0, choice = 2, at = T0 + 100).code shouldBe ErrorCode.NOT_A_PLAYER
    }

    test("a move of another game is wrong_state") {
        val r = run()
        r.rejected(GameInput.Move(ADA, NotAQuizMove, T0), T0).code shouldBe ErrorCode.WRONG_STATE
    }

    test("an answer after the quiz ended is wrong_state") {
        val r = run()
        r.next(GameInput.End, T0 + 100)
        r.refusedAnswer(ADA, 0, choice = 2, at = T0 + 200).code shouldBe ErrorCode.WRONG_STATE
    }

    test("the answer time is when the answer arrived, not when the room handled it") {
        val r = QuizRun.start(listOf(q.single(answer = 2)), listOf(ADA))
        val reveal = r.answer(ADA, 0, choice = 2, at = T0, now = T0 + 10_000).only<Reveal>()
        reveal.results.single().points shouldBe 1000
    }

    test("a multi answer is correct only when it selects exactly the correct set") {
        val five = listOf(ADA, BOB, CY, DEE, EVE)
        val r = QuizRun.start(listOf(q.multi(answer = listOf(0, 2))), five)
        val picks = listOf(listOf(0, 2), listOf(2, 0), listOf(0), listOf(0, 1, 2), listOf(1, 3))
        five.zip(picks).forEach { (p, c) -> r.answer(p, 0, choices = c, at = T0) }
        val reveal = r.state.lastReveal!!
        reveal.correct shouldBe listOf(0, 2)
        reveal.results.map { it.correct } shouldContainExactly listOf(true, true, false, false, false)
        reveal.distribution shouldBe listOf(4, 2, 3, 1)
    }

    test("a typed answer is matched against the accepted texts") {
        val r = QuizRun.start(listOf(q.typed(accept = listOf("Ada Lovelace", "Lovelace"))), players)
        r.answer(ADA, 0, text = "  ada   LOVELACE ", at = T0)
        r.answer(BOB, 0, text = "lovelace", at = T0)
        val reveal = r.answer(CY, 0, text = "Babbage", at = T0).only<Reveal>()
        reveal.results.map { it.correct } shouldContainExactly listOf(true, true, false)
        reveal.accept shouldBe listOf("Ada Lovelace", "Lovelace")
        reveal.correct shouldBe emptyList()
    }

    test("a truefalse question without choices is asked as True or False and answered by index") {
        val (r, now) = runAt(3)
        r.state.questionView().choices shouldBe listOf("True", "False")
        r.answer(ADA, 3, choice = 1, at = now)
        r.answer(BOB, 3, choice = 0, at = now)
        r.refusedAnswer(CY, 3, choice = 2, at = now).code shouldBe ErrorCode.BAD_REQUEST
        val reveal = r.answer(CY, 3, choice = 1, at = now).only<Reveal>()
        reveal.correct shouldBe listOf(1)
        reveal.results.map { it.correct } shouldContainExactly listOf(true, false, true)
    }
})
