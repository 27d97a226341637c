package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.ADA
import dev.partyline.shared.game.BOB
import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GameMove
import dev.partyline.shared.game.GameRun
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.T0
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Rejection
import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

/** Inline questions and options, written as a client would send them. */
object QuizFixtures {
    fun single(answer: Int = 2, choices: List<String> = listOf("a", "b", "c", "d"), seconds: Int? = null, points: Int? = null, text: String = "Pick one") =
        question("single", text, choices, listOf(answer), null, seconds, points)

    fun multi(answer: List<Int>, choices: List<String> = listOf("a", "b", "c", "d"), seconds: Int? = null, points: Int? = null, text: String = "Pick some") =
        question("multi", text, choices, answer, null, seconds, points)

    fun trueFalse(answer: Int, choices: List<String>? = null, text: String = "True or false?") =
        question("truefalse", text, choices, listOf(answer), null, null, null)

    fun typed(accept: List<String>, seconds: Int? = null, points: Int? = null, text: String = "Type it") =
        question("typed", text, null, null, accept, seconds, points)

    fun question(
        kind: String, text: String, choices: List<String>?, answer: List<Int>?, accept: List<String>?,
        seconds: Int? = null, points: Int? = null,
    ): JsonObject = buildJsonObject {
        put("kind", kind)
        put("text", text)
        choices?.let { put("choices", buildJsonArray { it.forEach { c -> add(JsonPrimitive(c)) } }) }
        answer?.let { put("answer", buildJsonArray { it.forEach { a -> add(JsonPrimitive(a)) } }) }
        accept?.let { put("accept", buildJsonArray { it.forEach { a -> add(JsonPrimitive(a)) } }) }
        seconds?.let { put("seconds", it) }
        points?.let { put("points", it) }
    }

    /** [question] with a picture ([image], an image id) and an [explanation] for after the reveal. */
    fun withMedia(question: JsonObject, image: String? = null, explanation: String? = null): JsonObject =
        JsonObject(question + listOfNotNull(image?.let { "image" to JsonPrimitive(it) }, explanation?.let { "explanation" to JsonPrimitive(it) }))

    /** An image id of the form `POST /api/images` gives. */
    const val IMAGE = "AbCdEfGhIjKlMnOpQrSt_-"

    fun options(questions: List<JsonObject>, vararg extra: Pair<String, JsonElement>): JsonObject =
        JsonObject(mapOf("questions" to buildJsonArray { questions.forEach { add(it) } }) + extra)

    fun table(options: JsonObject, seed: Long = 1L): GameTable =
        QuizGame.setup(options, seed).shouldBeInstanceOf<Setup.Ready>().table

    fun rejection(options: JsonObject, seed: Long = 1L): Rejection =
        QuizGame.setup(options, seed).shouldBeInstanceOf<Setup.Invalid>().rejection

    fun seats(players: List<PlayerId>) = players.map { Seat(it, it.value.removePrefix("p_")) }
}

/** A move that is not a quiz move. */
object NotAQuizMove : GameMove

/** Drives the quiz fold by hand (see [GameRun]). */
class QuizRun(state: QuizState, opening: List<Emit>) : GameRun<QuizState>(state, opening) {
    override fun describe(input: GameInput, now: Long) = "$input at $now on ${state.phase} question ${state.index}"

    fun answerInput(player: PlayerId, index: Int, choice: Int? = null, choices: List<Int>? = null, text: String? = null, at: Long) =
        GameInput.Move(player, Answer(index, choice, choices, text), at)

    fun answer(player: PlayerId, index: Int, choice: Int? = null, choices: List<Int>? = null, text: String? = null, at: Long, now: Long = at) =
        next(answerInput(player, index, choice, choices, text, at), now)

    fun refusedAnswer(player: PlayerId, index: Int, choice: Int? = null, choices: List<Int>? = null, text: String? = null, at: Long, now: Long = at) =
        rejected(answerInput(player, index, choice, choices, text, at), now)

    companion object {
        fun start(options: JsonObject, players: List<PlayerId> = listOf(ADA, BOB), now: Long = T0, seed: Long = 1L): QuizRun {
            val step = QuizFixtures.table(options, seed).start(QuizFixtures.seats(players), now)
            val next = step.shouldBeInstanceOf<Step.Next>()
            return QuizRun(next.play as QuizState, next.emits)
        }

        fun start(questions: List<JsonObject>, players: List<PlayerId> = listOf(ADA, BOB), now: Long = T0, vararg extra: Pair<String, JsonElement>) =
            start(QuizFixtures.options(questions, *extra), players, now)
    }
}

inline fun <reified T> List<Emit>.only(): T = filter { it.message is T }.let {
    withClue("exactly one ${T::class.simpleName} in $this") { it.size shouldBe 1 }
    it.single().message as T
}

inline fun <reified T> List<Emit>.noneOf() = withClue("no ${T::class.simpleName} in $this") { count { it.message is T } shouldBe 0 }
