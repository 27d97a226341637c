package dev.partyline.server.bot

import kotlin.math.roundToLong
import kotlin.random.Random

/** An open quiz question as a bot sees it: never with its answer, which the server keeps until the reveal. */
data class QuizQuestion(val index: Int, val kind: String, val text: String, val choices: Int, val seconds: Int)

/** A bot's answer to [QuizQuestion.index], sent after [delayMillis]: one of [choice], [choices] or [text]. */
data class QuizAnswer(
    val index: Int,
    val delayMillis: Long,
    val choice: Int? = null,
    val choices: List<Int>? = null,
    val text: String? = null,
)

/**
 * Chooses a quiz bot's answer, as a pure function of the question, the skill and a [Random].
 *
 * Bots cannot know answers: the server sends none before the reveal. So [skill] (0..1) buys
 * speed, which is worth points (a correct answer scores more the sooner it comes), and not
 * accuracy: a bot picks uniformly among the choices (`single`, `truefalse`), a uniform non-empty
 * set (`multi`), or a word of the question as its guess (`typed`). It thinks for about
 * `thinkMillis × (1 + 9 × (1 − skill))`, ±25 %, and always within 80 % of the question's time.
 */
class QuizGuess(private val skill: Double, private val thinkMillis: Long) {
    init {
        require(skill in 0.0..1.0) { "skill must be within 0..1" }
        require(thinkMillis >= 0) { "think time must not be negative" }
    }

    fun answer(question: QuizQuestion, random: Random): QuizAnswer {
        val delay = thinkDelay(question.seconds, random)
        return when (question.kind) {
            "typed" -> QuizAnswer(question.index, delay, text = typedGuess(question.text, random))
            "multi" -> QuizAnswer(question.index, delay, choices = nonEmptySubset(question.choices, random))
            else -> QuizAnswer(question.index, delay, choice = random.nextInt(question.choices.coerceAtLeast(1)))
        }
    }

    private fun thinkDelay(seconds: Int, random: Random): Long {
        val base = thinkMillis * (1 + 9 * (1 - skill)) * (0.75 + random.nextDouble() * 0.5)
        return base.roundToLong().coerceAtMost(seconds * 800L)
    }

    private fun nonEmptySubset(choices: Int, random: Random): List<Int> {
        val n = choices.coerceAtLeast(1)
        val picked = (0 until n).filter { random.nextBoolean() }
        return picked.ifEmpty { listOf(random.nextInt(n)) }
    }

    /** A word of four or more letters from the question, lower case; "pass" when there is none. */
    private fun typedGuess(text: String, random: Random): String =
        WORD.findAll(text).map { it.value.lowercase() }.filter { it.length >= 4 }.distinct().toList().randomOrNull(random) ?: "pass"

    private companion object {
        val WORD = Regex("\\p{L}+")
    }
}
