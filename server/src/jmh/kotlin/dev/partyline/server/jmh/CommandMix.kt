package dev.partyline.server.jmh

import dev.partyline.server.room.RoomActor
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.memory.FlipCard
import dev.partyline.shared.game.memory.Faces
import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.protocol.CoreClientMessages
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonArray

/**
 * What the producers of a room send, and the reply each member must have counted per command
 * ([counted] is its text's prefix). Messages are built once: decoding is the transport's cost,
 * not the room's.
 */
enum class CommandMix(val game: Game, val options: JsonObject, val starts: Boolean, val counted: String) {
    /** Chat in the lobby: the room encodes each line once and offers it to all members. */
    CHAT(QuizGame, JsonObject(emptyMap()), starts = false, counted = "{\"type\":\"chat\",") {
        override fun expected(producers: Int, perProducer: Int) = producers.toLong() * perProducer

        override suspend fun produce(room: RoomActor, member: BenchMember, perProducer: Int) {
            val line = CoreClientMessages.Chat("gg from ${member.player}")
            repeat(perProducer) { room.submit(member.player, line, null, System.currentTimeMillis()) }
        }
    },

    /**
     * Quiz answers, question after question: each member answers the open question once (an
     * `answer_ack` to it alone); the tenth answer closes it (`reveal` to all) and the room's
     * timer opens the next (`question` to all). A producer waits for each question it answers.
     */
    QUIZ(QuizGame, quizOptions(), starts = true, counted = "{\"type\":\"answer_ack\"") {
        override fun expected(producers: Int, perProducer: Int) = perProducer.toLong()

        override suspend fun produce(room: RoomActor, member: BenchMember, perProducer: Int) {
            require(perProducer <= QUESTIONS) { "a quiz has $QUESTIONS questions to answer" }
            val questions = checkNotNull(member.questions)
            for (index in 0 until perProducer) {
                questions.receive()
                room.submit(member.player, answers[index][(index + member.index) % CHOICES], ids[index], System.currentTimeMillis())
            }
        }
    },

    /**
     * Memory flips in a race (a board per player): two cards of different faces, again and
     * again. Each flip is a `flipped` to the flipper alone; every second one also a `miss` and,
     * as `missMillis` is 0, a `hide`.
     */
    MEMORY(MemoryGame, memoryOptions(), starts = true, counted = "{\"type\":\"flipped\"") {
        override fun expected(producers: Int, perProducer: Int) = perProducer.toLong()

        override suspend fun produce(room: RoomActor, member: BenchMember, perProducer: Int) {
            repeat(perProducer) { room.submit(member.player, missedPair[it % 2], null, System.currentTimeMillis()) }
        }
    };

    /** The replies of [counted] kind each member gets while the room's producers each send [perProducer] commands. */
    abstract fun expected(producers: Int, perProducer: Int): Long

    /** Sends [member]'s [perProducer] commands through the room's public API. */
    abstract suspend fun produce(room: RoomActor, member: BenchMember, perProducer: Int)
}

/** Questions in the benchmark's quiz, the most a quiz may have; so at most this many answers per producer. */
const val QUESTIONS = 100
private const val CHOICES = 4
private const val SEED = 7L

private val answers = List(QUESTIONS) { index -> List(CHOICES) { Answer(index, choice = it) } }
private val ids = List(QUESTIONS) { JsonPrimitive("a$it") }

private fun quizOptions() = buildJsonObject {
    put("questions", buildJsonArray {
        repeat(QUESTIONS) {
            add(buildJsonObject {
                put("kind", "single")
                put("text", "Question $it: which one?")
                putJsonArray("choices") { repeat(CHOICES) { c -> add(JsonPrimitive("choice $c")) } }
                putJsonArray("answer") { add(JsonPrimitive(it % CHOICES)) }
            })
        }
    })
    put("seconds", 120)
    put("revealSeconds", 0)
    put("hostPlays", true)
}

private const val ROWS = 4
private const val COLS = 4

private fun memoryOptions() = buildJsonObject {
    put("rows", ROWS)
    put("cols", COLS)
    put("mode", "race")
    put("missMillis", 0)
    put("seed", SEED)
}

/** Card 0 and the first card that does not match it, dealt as [MemoryGame] deals from [SEED]. */
private val missedPair: List<FlipCard> = Faces.deal(ROWS * COLS / 2, SEED).let { deck ->
    listOf(FlipCard(0), FlipCard(deck.indexOfFirst { it != deck[0] }))
}
