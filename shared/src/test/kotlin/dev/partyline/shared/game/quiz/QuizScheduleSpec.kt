package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.T0
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonPrimitive

/** A quiz keeps its schedule: a late timer delays one step, never the steps after it. */
class QuizScheduleSpec : FunSpec({
    val q = QuizFixtures
    val fifty = List(50) { q.single(answer = it % 4, seconds = 5) }
    val reveal = "revealSeconds" to JsonPrimitive(2)

    test("a deadline handled late still ends the reveal pause on time, and the next question keeps its own time") {
        val r = QuizRun.start(fifty, listOf(ADA, BOB), T0, reveal)
        r.next(GameInput.Tick, T0 + 5_000 + 12).only<Reveal>().index shouldBe 0
        r.state.nextAt shouldBe T0 + 7_000
        r.next(GameInput.Tick, T0 + 7_000 + 9).only<QuestionView>().deadline shouldBe T0 + 12_000
        r.state.openedAt shouldBe T0 + 7_000
    }

    test("50 questions whose every timer runs 15 ms late end on the planned schedule: no drift") {
        val r = QuizRun.start(fifty, listOf(ADA, BOB), T0, reveal)
        val deadlines = mutableListOf(r.state.deadline)
        repeat(49) {
            r.next(GameInput.Tick, r.state.deadline + 15)
            deadlines += r.next(GameInput.Tick, r.state.nextAt!! + 15).only<QuestionView>().deadline
        }
        deadlines shouldBe List(50) { T0 + 5_000 + it * 7_000L }
    }

    test("a timer later than the catch-up bound restarts the schedule from now, so the reveal and the next question keep their full time") {
        val r = QuizRun.start(fifty, listOf(ADA, BOB), T0, reveal)
        val late = T0 + 5_000 + QuizRules.CATCH_UP_MS + 1
        r.next(GameInput.Tick, late)
        r.state.nextAt shouldBe late + 2_000
        val later = late + 2_000 + QuizRules.CATCH_UP_MS + 1
        r.next(GameInput.Tick, later).only<QuestionView>().deadline shouldBe later + 5_000
    }

    test("a question closed early, when everyone has answered, is revealed for the full pause from then") {
        val r = QuizRun.start(fifty, listOf(ADA, BOB), T0, reveal)
        r.answer(ADA, 0, choice = 0, at = T0 + 1_000)
        r.answer(BOB, 0, choice = 1, at = T0 + 1_500).only<Reveal>()
        r.state.nextAt shouldBe T0 + 3_500
    }
})
