package dev.partyline.server.bot

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.longs.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import kotlin.random.Random

class QuizGuessSpec : FunSpec({
    val single = QuizQuestion(0, "single", "Which port does plain HTTP use?", choices = 3, seconds = 20)

    test("a single or truefalse question gets one choice in range, picked uniformly") {
        val counts = IntArray(3)
        repeat(3000) { seed -> counts[QuizGuess(1.0, 0).answer(single, Random(seed)).choice!!]++ }
        counts.forEach { (it in 800..1200) shouldBe true }
        QuizGuess(0.5, 0).answer(single.copy(kind = "truefalse", choices = 2), Random(1)).choice!! shouldNotBe null
    }

    test("a multi question gets a non-empty set of choices in range") {
        repeat(500) { seed ->
            val choices = QuizGuess(0.5, 0).answer(single.copy(kind = "multi", choices = 4), Random(seed)).choices!!
            choices.shouldNotBeEmpty()
            choices.all { it in 0..3 } shouldBe true
            choices shouldBe choices.distinct()
        }
    }

    test("a typed question gets a short guess from the question's words") {
        val answer = QuizGuess(1.0, 0).answer(single.copy(kind = "typed", choices = 0, text = "Which Python module gives you start_server?"), Random(3))
        (answer.text!! in setOf("which", "python", "module", "gives", "start", "server")) shouldBe true
        QuizGuess(1.0, 0).answer(single.copy(kind = "typed", text = "2 + 2?"), Random(3)).text shouldBe "pass"
    }

    test("skill is speed: a skilled bot answers sooner, and never past 80% of the time") {
        val fast = (0 until 200).map { QuizGuess(1.0, 400).answer(single, Random(it)).delayMillis }.average()
        val slow = (0 until 200).map { QuizGuess(0.0, 400).answer(single, Random(it)).delayMillis }.average()
        (fast * 5 < slow) shouldBe true
        QuizGuess(0.0, 60_000).answer(single.copy(seconds = 5), Random(1)).delayMillis shouldBeLessThanOrEqual 4000
        QuizGuess(0.0, 0).answer(single, Random(1)).delayMillis shouldBeLessThan 1
    }
})
