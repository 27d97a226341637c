package dev.partyline.shared.game.quiz

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** The four kinds of quiz question. */
@Serializable
enum class QuestionKind {
    @SerialName("single") SINGLE,
    @SerialName("multi") MULTI,
    @SerialName("truefalse") TRUEFALSE,
    @SerialName("typed") TYPED;

    /** The name clients write and read: its serial name. */
    val wire: String get() = serializer().descriptor.getElementName(ordinal)
}

/**
 * A quiz question with its answer, as [QuestionReader] read it from a pack or an inline list.
 * This type never crosses the wire to players: they get a [QuestionView], with the [image] (an
 * image id) as its URL; the [explanation] goes out only with the question's [Reveal].
 */
data class Question(
    val kind: QuestionKind,
    val text: String,
    val choices: List<String> = emptyList(),
    val answer: List<Int> = emptyList(),
    val accept: List<String> = emptyList(),
    val seconds: Int? = null,
    val points: Int = 1000,
    val image: String? = null,
    val explanation: String? = null,
) {
    /** Where players fetch the [image]: `/api/images/<id>`. */
    val imageUrl: String? get() = image?.let { IMAGE_PATH + it }

    companion object {
        const val MAX_TEXT = 500
        const val MAX_EXPLANATION = 500

        /** An image id, as `POST /api/images` gives them: 22 URL-safe base64 characters. */
        val IMAGE_ID = Regex("[A-Za-z0-9_-]{22}")

        /** The path an image id is served under. */
        const val IMAGE_PATH = "/api/images/"
        const val MAX_CHOICE = 120
        const val MAX_CHOICES = 6
        val SECONDS = 5..120
        val ALLOWED_POINTS = setOf(0, 1000, 2000)
    }
}

/**
 * What players see of a question while it is open: no answer, no accepted texts, no explanation;
 * its [image] is a URL (`/api/images/<id>`), absent when it has none.
 */
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
    val image: String? = null,
) : dev.partyline.shared.protocol.ServerMessage
