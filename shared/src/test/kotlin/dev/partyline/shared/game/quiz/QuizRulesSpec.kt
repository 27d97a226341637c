package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.CY
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.wire
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.Standing
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeFalse
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject

/** The life of a question: opening, closing when all answered or at the deadline, reveal, next, game over. */
class QuizRulesSpec : FunSpec({
    val q = QuizFixtures
    val three = listOf(q.single(answer = 2), q.single(answer = 0), q.single(answer = 1))

    test("a quiz without players cannot start") {
        val step = q.table(q.options(three)).start(emptyList(), T0)
        step.shouldBeInstanceOf<Step.Rejected>().rejection.code shouldBe ErrorCode.WRONG_STATE
    }

    test("starting emits the first question to everyone, with deadline now + seconds * 1000") {
        val r = QuizRun.start(three)
        r.opening shouldContainExactly listOf(
            Emit(Audience.Everyone, QuestionView(0, 3, QuestionKind.SINGLE, "Pick one", listOf("a", "b", "c", "d"), T0 + 20_000, 20, 1000)),
        )
        r.state.wakeAt shouldBe T0 + 20_000
    }

    test("a question's own seconds override the room's") {
        QuizRun.start(listOf(q.single(seconds = 7)), listOf(ADA), T0, "seconds" to JsonPrimitive(30))
            .opening.only<QuestionView>().let { it.deadline to it.seconds } shouldBe (T0 + 7_000 to 7)
        QuizRun.start(listOf(q.single()), listOf(ADA), T0, "seconds" to JsonPrimitive(30))
            .opening.only<QuestionView>().let { it.deadline to it.seconds } shouldBe (T0 + 30_000 to 30)
    }

    test("the question stays open while some connected player has not answered") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000).noneOf<Reveal>()
        r.state.phase shouldBe QuizPhase.OPEN
    }

    test("the question closes as soon as every connected player has answered") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 1, at = T0 + 1_000)
        val emits = r.answer(BOB, 0, choice = 2, at = T0 + 4_000)
        emits.first() shouldBe Emit(Audience.Requester, AnswerAck(0))
        emits.noneOf<AnswerProgress>()
        val reveal = emits.only<Reveal>()
        reveal.index shouldBe 0
        reveal.correct shouldBe listOf(2)
        reveal.last.shouldBeFalse()
        reveal.results shouldContainExactly listOf(
            AnswerResult(ADA, answered = true, correct = false, points = 0, score = 0, streak = 0),
            AnswerResult(BOB, answered = true, correct = true, points = 900, score = 900, streak = 1),
        )
        reveal.leaderboard shouldContainExactly listOf(Standing(BOB, "bob", 900, 1), Standing(ADA, "ada", 0, 2))
        r.state.phase shouldBe QuizPhase.REVEALED
        r.state.scores shouldBe mapOf(ADA to 0, BOB to 900)
    }

    test("a disconnected player does not keep the question open") {
        val r = QuizRun.start(three, listOf(ADA, BOB, CY))
        r.next(GameInput.Presence(CY, false), T0 + 500).shouldBeEmpty()
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        val reveal = r.answer(BOB, 0, choice = 2, at = T0 + 2_000).only<Reveal>()
        reveal.results.single { it.player == CY } shouldBe AnswerResult(CY, answered = false, correct = false, points = 0, score = 0, streak = 0)
    }

    test("the last unanswered player dropping closes the question") {
        val r = QuizRun.start(three, listOf(ADA, BOB, CY))
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        r.answer(BOB, 0, choice = 2, at = T0 + 2_000)
        r.next(GameInput.Presence(CY, false), T0 + 3_000).only<Reveal>().index shouldBe 0
    }

    test("a player who left for good no longer keeps the question open") {
        val r = QuizRun.start(three, listOf(ADA, BOB, CY))
        r.answer(ADA, 0, choice = 2, at = T0 + 1_000)
        r.answer(BOB, 0, choice = 2, at = T0 + 2_000)
        val reveal = r.next(GameInput.Gone(CY), T0 + 3_000).only<Reveal>()
        reveal.results.map { it.player } shouldContainExactly listOf(ADA, BOB)
    }

    test("a tick before the deadline changes nothing") {
        val r = QuizRun.start(three)
        val before = r.state
        r.next(GameInput.Tick, T0 + 19_999).shouldBeEmpty()
        r.state shouldBe before
    }

    test("a tick at the deadline closes the question and scores the missing answers 0") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0 + 10_000)
        val reveal = r.next(GameInput.Tick, T0 + 20_000).only<Reveal>()
        reveal.results shouldContainExactly listOf(
            AnswerResult(ADA, answered = true, correct = true, points = 750, score = 750, streak = 1),
            AnswerResult(BOB, answered = false, correct = false, points = 0, score = 0, streak = 0),
        )
    }

    test("after revealSeconds a tick opens the next question") {
        val r = QuizRun.start(three)
        r.next(GameInput.Tick, T0 + 20_000)
        r.state.wakeAt shouldBe T0 + 25_000
        r.next(GameInput.Tick, T0 + 24_999).shouldBeEmpty()
        val view = r.next(GameInput.Tick, T0 + 25_000).only<QuestionView>()
        view.index shouldBe 1
        view.deadline shouldBe T0 + 45_000
        r.state.answers shouldBe emptyMap()
    }

    test("the revealSeconds option sets the pause between questions") {
        val r = QuizRun.start(three, listOf(ADA), T0, "revealSeconds" to JsonPrimitive(2))
        r.answer(ADA, 0, choice = 2, at = T0 + 100)
        r.state.wakeAt shouldBe T0 + 2_100
    }

    test("after the last reveal comes game_over and the quiz is over") {
        val r = QuizRun.start(listOf(q.single(answer = 2)), listOf(ADA, BOB))
        r.answer(ADA, 0, choice = 2, at = T0)
        val emits = r.answer(BOB, 0, choice = 2, at = T0 + 20_000)
        emits.map { it.message::class } shouldContainExactly listOf(AnswerAck::class, Reveal::class, GameOver::class)
        val reveal = emits.only<Reveal>()
        reveal.last.shouldBeTrue()
        emits.only<GameOver>() shouldBe GameOver(reveal.leaderboard, "finished")
        r.state.isOver.shouldBeTrue()
        r.state.wakeAt shouldBe null
        r.next(GameInput.Tick, T0 + 60_000).shouldBeEmpty()
    }

    test("a whole quiz runs question after question to game_over") {
        val r = QuizRun.start(three, listOf(ADA))
        var now = T0
        val asked = mutableListOf<Int>()
        while (!r.state.isOver) {
            now = r.state.wakeAt!!
            r.next(GameInput.Tick, now).filter { it.message is QuestionView }.forEach { asked += (it.message as QuestionView).index }
        }
        asked shouldContainExactly listOf(1, 2)
        r.state.scores shouldBe mapOf(ADA to 0)
    }

    test("streaks grow with consecutive correct answers and reset on a miss") {
        val r = QuizRun.start(List(4) { q.single(answer = 0) }, listOf(ADA))
        var now = T0
        val results = (0 until 4).map { i ->
            if (i > 0) { now += 5_000; r.next(GameInput.Tick, now) }
            r.answer(ADA, i, choice = if (i == 2) 1 else 0, at = now).only<Reveal>().results.single()
        }
        results.map { it.streak } shouldContainExactly listOf(1, 2, 0, 1)
        results.map { it.points } shouldContainExactly listOf(1000, 1100, 0, 1000)
        results.map { it.score } shouldContainExactly listOf(1000, 2100, 2100, 3100)
    }

    test("a 0-point question scores nothing but extends the streak") {
        val r = QuizRun.start(listOf(q.single(answer = 0, points = 0), q.single(answer = 0, points = 2000)), listOf(ADA))
        r.answer(ADA, 0, choice = 0, at = T0).only<Reveal>().results.single().let { it.points to it.streak } shouldBe (0 to 1)
        r.next(GameInput.Tick, T0 + 5_000)
        r.answer(ADA, 1, choice = 0, at = T0 + 5_000).only<Reveal>().results.single().points shouldBe 2100
    }

    test("players with the same score share a rank") {
        val r = QuizRun.start(three, listOf(ADA, BOB, CY))
        r.answer(ADA, 0, choice = 2, at = T0)
        r.answer(BOB, 0, choice = 1, at = T0)
        r.answer(CY, 0, choice = 2, at = T0).only<Reveal>().leaderboard shouldContainExactly listOf(
            Standing(ADA, "ada", 1000, 1), Standing(CY, "cy", 1000, 1), Standing(BOB, "bob", 0, 3),
        )
    }

    test("the snapshot shows the open question without its answer, and whether you answered") {
        val r = QuizRun.start(three)
        r.answer(ADA, 0, choice = 2, at = T0 + 100)
        val view = r.state.view(ADA)
        view.wire()["question"]!!.jsonObject.keys shouldBe setOf("index", "count", "kind", "text", "choices", "deadline", "seconds", "points")
        view.answered shouldBe true
        view.reveal shouldBe null
        r.state.view(BOB).answered shouldBe false
    }

    test("the snapshot during a reveal has no open question but the reveal") {
        val r = QuizRun.start(three)
        r.next(GameInput.Tick, T0 + 20_000)
        val view = r.state.view(ADA)
        view.question shouldBe null
        view.reveal!!.index shouldBe 0
    }

    test("a question's image goes out with it as a URL; its explanation only with its reveal, and in no snapshot before") {
        val pictured = listOf(
            q.withMedia(q.single(answer = 2), image = QuizFixtures.IMAGE, explanation = "Because c."),
            q.single(answer = 0),
        )
        val r = QuizRun.start(pictured)
        val first = r.opening.only<QuestionView>()
        first.image shouldBe "/api/images/${QuizFixtures.IMAGE}"
        r.state.view(ADA).wire()["question"]!!.jsonObject["image"] shouldBe JsonPrimitive("/api/images/${QuizFixtures.IMAGE}")
        r.state.view(ADA).wire().toString().contains("Because c.") shouldBe false
        r.answer(ADA, 0, choice = 2, at = T0 + 100).noneOf<Reveal>()
        val reveal = r.answer(BOB, 0, choice = 1, at = T0 + 200).only<Reveal>()
        reveal.explanation shouldBe "Because c."
        r.state.view(BOB).wire()["reveal"]!!.jsonObject["explanation"] shouldBe JsonPrimitive("Because c.")
        val second = r.next(GameInput.Tick, r.state.wakeAt!!).only<QuestionView>()
        second.image shouldBe null
        r.state.view(ADA).wire()["question"]!!.jsonObject.keys shouldBe setOf("index", "count", "kind", "text", "choices", "deadline", "seconds", "points")
        r.answer(ADA, 1, choice = 0, at = r.state.openedAt)
        val plain = r.answer(BOB, 1, choice = 0, at = r.state.openedAt).only<Reveal>()
        plain.explanation shouldBe null
    }
})
