package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.BadOption
import dev.partyline.shared.protocol.PlainText
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** The four kinds of quiz question. */
@Serializable
enum class QuestionKind {
    @SerialName("single") SINGLE,
    @SerialName("multi") MULTI,
    @SerialName("truefalse") TRUEFALSE,
    @SerialName("typed") TYPED,
}

/**
 * A quiz question with its answer, as written in a pack or an inline list. This type never
 * crosses the wire to players: they get a [QuestionView].
 */
@Serializable
data class Question(
    val kind: QuestionKind,
    val text: String,
    val choices: List<String> = emptyList(),
    val answer: List<Int> = emptyList(),
    val accept: List<String> = emptyList(),
    val seconds: Int? = null,
    val points: Int = 1000,
) {
    /** Checks the question's shape; [where] names it in the message, e.g. "question 3". */
    fun validate(where: String) {
        fun bad(why: String): Nothing = throw BadOption("$where: $why")
        if (text.isBlank() || text.length > MAX_TEXT) bad("text must be 1..$MAX_TEXT characters")
        if (!PlainText.isClean(text) || !choices.all(PlainText::isClean) || !accept.all(PlainText::isClean)) {
            bad("texts may not hold control or bidirectional characters")
        }
        if (points !in ALLOWED_POINTS) bad("points must be one of $ALLOWED_POINTS")
        if (seconds != null && seconds !in SECONDS) bad("seconds must be between ${SECONDS.first} and ${SECONDS.last}")
        when (kind) {
            QuestionKind.TYPED -> {
                if (choices.isNotEmpty() || answer.isNotEmpty()) bad("a typed question has 'accept', not 'choices' or 'answer'")
                if (accept.isEmpty() || accept.any { TypedAnswer.normalize(it).isEmpty() }) bad("'accept' needs at least one non-empty text")
            }
            else -> {
                val range = if (kind == QuestionKind.TRUEFALSE) 2..2 else 2..MAX_CHOICES
                if (choices.size !in range) bad("needs ${range.first}..${range.last} choices")
                if (choices.any { it.isBlank() || it.length > MAX_CHOICE }) bad("a choice must be 1..$MAX_CHOICE characters")
                if (answer.isEmpty() || answer.any { it !in choices.indices } || answer.toSet().size != answer.size) {
                    bad("'answer' must list distinct indexes of choices")
                }
                if (kind != QuestionKind.MULTI && answer.size != 1) bad("a ${kind.name.lowercase()} question has exactly one answer")
                if (accept.isNotEmpty()) bad("only a typed question has 'accept'")
            }
        }
    }

    companion object {
        const val MAX_TEXT = 500
        const val MAX_CHOICE = 120
        const val MAX_CHOICES = 6
        val SECONDS = 5..120
        val ALLOWED_POINTS = setOf(0, 1000, 2000)
    }
}

/** What players see of a question while it is open: no answer, no accepted texts. */
@Serializable
@SerialName("question")
data class QuestionView(
    val index: Int,
    val count: Int,
    val kind: QuestionKind,
    val text: String,
    val choices: List<String>? = null,
    val deadline: Long,
    val seconds: Int,
    val points: Int,
) : dev.partyline.shared.protocol.ServerMessage
