package dev.partyline.shared.game.quiz

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeInRange
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe

/** The protocol's formula: round(P * (1 - (t / T) / 2)) + 100 * min(streak - 1, 5). */
class QuizScoringSpec : FunSpec({
    val limit = 20_000L

    fun score(points: Int = 1000, elapsed: Long = 0, limitMillis: Long = limit, streak: Int = 1, correct: Boolean = true) =
        QuizScoring.points(correct, points, elapsed, limitMillis, streak)

    /** The formula in exact integer arithmetic, rounding half up. */
    fun exact(points: Int, elapsed: Long, limitMillis: Long): Int {
        val t = elapsed.coerceIn(0, limitMillis)
        return ((points.toLong() * (2 * limitMillis - t) + limitMillis) / (2 * limitMillis)).toInt()
    }

    test("an instant correct answer scores the question's full points") {
        score(points = 1000, elapsed = 0) shouldBe 1000
        score(points = 2000, elapsed = 0) shouldBe 2000
    }

    test("a correct answer at the very end of the time scores half the points") {
        score(points = 1000, elapsed = limit) shouldBe 500
        score(points = 2000, elapsed = limit) shouldBe 1000
    }

    test("an answer halfway through the time scores three quarters of the points") {
        score(points = 1000, elapsed = limit / 2) shouldBe 750
        score(points = 2000, elapsed = 15_000, limitMillis = 30_000) shouldBe 1500
    }

    test("times outside 0..T are clamped, so the score stays between P/2 and P") {
        score(points = 1000, elapsed = -5_000) shouldBe 1000
        score(points = 1000, elapsed = limit * 3) shouldBe 500
    }

    test("a fractional score is rounded, with a half rounded up") {
        score(points = 1000, elapsed = 1) shouldBe 1000 // 999.975
        score(points = 1000, elapsed = 30) shouldBe 999 // 999.25
        score(points = 1000, elapsed = 20) shouldBe 1000 // 999.5
        score(points = 1000, elapsed = 60) shouldBe 999 // 998.5
        score(points = 2000, elapsed = 10) shouldBe 2000 // 1999.5
    }

    test("an exact half is rounded up for every answer time") {
        score(points = 1000, elapsed = 1285, limitMillis = 5_000) shouldBe 872
        score(points = 1000, elapsed = 19_980, limitMillis = 20_000) shouldBe 501
        for (limitMillis in listOf(5_000L, 20_000L, 30_000L)) for (points in listOf(1000, 2000)) {
            for (t in 0..limitMillis step 5) score(points, t, limitMillis) shouldBe exact(points, t, limitMillis)
        }
    }

    test("the score never differs from the exact formula by more than rounding noise") {
        for (limitMillis in listOf(5_000L, 20_000L, 120_000L)) for (points in listOf(1000, 2000)) {
            for (t in 0..limitMillis step 7) (score(points, t, limitMillis) - exact(points, t, limitMillis)) shouldBeInRange -1..0
        }
    }

    test("a later correct answer never scores more than an earlier one") {
        var previous = Int.MAX_VALUE
        for (t in 0..limit step 13) {
            val now = score(elapsed = t)
            now shouldBeLessThanOrEqual previous
            previous = now
        }
    }

    test("the first correct answer of a streak gets no bonus") {
        score(streak = 1) shouldBe 1000
    }

    test("a streak adds 100 per consecutive correct answer after the first") {
        score(streak = 2) shouldBe 1100
        score(streak = 3) shouldBe 1200
        score(streak = 6) shouldBe 1500
    }

    test("the streak bonus stops growing at 500") {
        score(streak = 7) shouldBe 1500
        score(streak = 50) shouldBe 1500
        score(points = 2000, elapsed = limit, streak = 7) shouldBe 1500
    }

    test("the streak bonus comes on top of the time-scaled points") {
        score(points = 1000, elapsed = limit / 2, streak = 3) shouldBe 950
    }

    test("a 0-point question scores 0, streak or not") {
        score(points = 0, streak = 1) shouldBe 0
        score(points = 0, streak = 7) shouldBe 0
    }

    test("a wrong answer scores 0, however fast and whatever the streak") {
        score(correct = false, elapsed = 0) shouldBe 0
        score(correct = false, points = 2000, streak = 7) shouldBe 0
    }
})
