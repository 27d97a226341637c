package dev.partyline.shared.game.quiz

import kotlin.math.min
import kotlin.math.roundToLong

/** The protocol's scoring formula, as a pure function. */
object QuizScoring {
    /**
     * Points for one answer: `round(P * (1 - (t / T) / 2))` plus a streak bonus of
     * `100 * min(streak - 1, 5)`, where [streak] already counts this answer. A wrong answer and
     * a 0-point question score nothing.
     */
    fun points(correct: Boolean, basePoints: Int, elapsedMillis: Long, limitMillis: Long, streak: Int): Int {
        if (!correct || basePoints == 0) return 0
        val t = elapsedMillis.coerceIn(0, limitMillis).toDouble()
        val speed = (basePoints * (1 - (t / limitMillis) / 2)).roundToLong().toInt()
        return speed + 100 * min(streak - 1, 5)
    }
}
