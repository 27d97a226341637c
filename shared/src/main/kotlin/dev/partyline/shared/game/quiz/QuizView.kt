package dev.partyline.shared.game.quiz

import dev.partyline.shared.protocol.ExplicitNulls
import dev.partyline.shared.protocol.GameView
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.KeepGeneratedSerializer
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

/**
 * The quiz's part of a `room` snapshot for one member: the open [question] (a [QuestionView],
 * without its answer) or null, whether this member has [answered] it, and once the game runs
 * whether it is [paused] and the last [reveal] as this member sees it (see [BigRoom]).
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable(with = QuizViewSerializer::class)
@KeepGeneratedSerializer
@SerialName("quiz")
data class QuizView(
    val question: QuestionView?,
    val answered: Boolean,
    val paused: Boolean? = null,
    val reveal: Reveal? = null,
) : GameView {
    companion object {
        /** Before the game starts: no question, and neither `paused` nor `reveal` on the wire. */
        val LOBBY = QuizView(question = null, answered = false)
    }
}

/** Writes `question` always, and `reveal` (null until the first reveal) once the game runs, that is once `paused` is set. */
internal object QuizViewSerializer : ExplicitNulls<QuizView>(QuizView.generatedSerializer()) {
    override fun transformSerialize(element: JsonElement): JsonElement {
        val fields = super.transformSerialize(element).jsonObject
        return if ("paused" in fields && "reveal" !in fields) JsonObject(fields + ("reveal" to JsonNull)) else fields
    }
}
