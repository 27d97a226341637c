package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.GameMove
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.Standing
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** `answer`: [choice] for single and truefalse, [choices] for multi, [text] for typed. */
@Serializable @SerialName("answer")
data class Answer(
    val index: Int,
    val choice: Int? = null,
    val choices: List<Int>? = null,
    val text: String? = null,
) : GameMove

/** `answer_ack`: the answer was taken; sent to the answering player alone. */
@Serializable @SerialName("answer_ack")
data class AnswerAck(val index: Int) : ServerMessage

/** `answers`: how many have answered the open question. */
@Serializable @SerialName("answers")
data class AnswerProgress(val index: Int, val answered: Int, val of: Int) : ServerMessage

/** One player's result in a [Reveal]. */
@Serializable
data class AnswerResult(
    val player: PlayerId,
    val answered: Boolean,
    val correct: Boolean,
    val points: Int,
    val score: Int,
    val streak: Int,
)

/**
 * `reveal`: the correct answer ([correct] indexes, or [accept] texts of a typed question), how
 * many picked each choice, every player's result, the leaderboard, and the question's
 * [explanation] when it has one (never sent before this).
 */
@Serializable @SerialName("reveal")
data class Reveal(
    val index: Int,
    val correct: List<Int>,
    val accept: List<String>? = null,
    val distribution: List<Int>? = null,
    val results: List<AnswerResult>,
    val leaderboard: List<Standing>,
    val last: Boolean,
    /** Players ranked in all, when this reveal lists only you and the top (see [BigRoom]). */
    val total: Int? = null,
    val explanation: String? = null,
) : ServerMessage
