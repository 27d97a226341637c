package dev.partyline.shared.game.quiz

import kotlin.math.min

/** The protocol's scoring formula, as a pure function. */
object QuizScoring {
    /**
     * Points for one answer: `round(P * (1 - (t / T) / 2))` plus a streak bonus of
     * `100 * min(streak - 1, 5)`, where [streak] already counts this answer. A wrong answer and
     * a 0-point question score nothing.
     */
    fun points(correct: Boolean, basePoints: Int, elapsedMillis: Long, limitMillis: Long, streak: Int): Int {
        if (!correct || basePoints == 0) return 0
        val t = elapsedMillis.coerceIn(0, limitMillis)
        // P * (1 - (t/T)/2) = P * (2T - t) / 2T, rounded half up, in whole numbers so halves are exact.
        val speed = ((basePoints * (2 * limitMillis - t) + limitMillis) / (2 * limitMillis)).toInt()
        return speed + 100 * min(streak - 1, 5)
    }
}
