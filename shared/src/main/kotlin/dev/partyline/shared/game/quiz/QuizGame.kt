package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.BadOption
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.OptionReader
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.Step
import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.GameView
import dev.partyline.shared.protocol.Rejection
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.ServerMessage
import dev.partyline.shared.protocol.serializersOf
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlinx.serialization.modules.SerializersModule
import kotlinx.serialization.modules.polymorphic
import kotlinx.serialization.modules.subclass
import kotlin.random.Random

/** The Kahoot-style quiz as a [Game] plug-in. */
object QuizGame : Game {
    override val id = "quiz"

    override val moves = serializersOf(Answer.serializer())

    override val events = SerializersModule {
        polymorphic(ServerMessage::class) {
            subclass(QuestionView::class)
            subclass(AnswerAck::class)
            subclass(AnswerProgress::class)
            subclass(Reveal::class)
        }
        polymorphic(GameView::class) { subclass(QuizView::class) }
    }

    const val MAX_QUESTIONS = 100

    override fun setup(options: JsonObject, seed: Long): Setup = try {
        Setup.Ready(read(OptionReader(options), seed))
    } catch (e: BadOption) {
        Setup.Invalid(e.rejection())
    }

    private fun read(reader: OptionReader, defaultSeed: Long): QuizTable {
        val packId = reader.string("pack")
        val inline = reader.array("questions")
        if (packId != null && inline != null) throw BadOption("give either 'pack' or 'questions', not both")
        val pack = if (inline == null) {
            val id = packId ?: Packs.all.first().id
            Packs.byId(id) ?: throw BadOption("no pack '$id'; packs: ${Packs.all.joinToString { it.id }}")
        } else null
        val questions = pack?.questions ?: parseInline(inline!!)
        val seconds = reader.int("seconds", 20, Question.SECONDS)
        val count = reader.int("count", questions.size, 1..questions.size)
        val shuffle = reader.bool("shuffle", pack != null)
        val seed = reader.seed(defaultSeed)
        val settings = QuizSettings(
            questions = (if (shuffle) questions.shuffled(Random(seed)) else questions).take(count),
            defaultSeconds = seconds,
            revealMillis = reader.int("revealSeconds", 5, 0..60) * 1000L,
            lateJoin = reader.bool("lateJoin", true),
        )
        val hostPlays = reader.bool("hostPlays", false)
        reader.refuseUnknown()
        val public = buildJsonObject {
            put("pack", pack?.id?.let(::JsonPrimitive) ?: JsonNull)
            put("count", count)
            put("seconds", seconds)
            put("ownSeconds", settings.questions.count { it.seconds != null }) // these keep their own time
            put("revealSeconds", settings.revealMillis / 1000)
            put("hostPlays", hostPlays)
            put("shuffle", shuffle)
            put("lateJoin", settings.lateJoin)
        }
        return QuizTable(settings, hostPlays, public)
    }

    private fun parseInline(list: kotlinx.serialization.json.JsonArray): List<Question> =
        when (val read = QuestionReader.readAll(list, MAX_QUESTIONS)) {
            is QuestionsRead.Read -> read.questions
            is QuestionsRead.Refused -> throw BadOption(read.summary)
        }
}

/** A quiz room's validated options. */
class QuizTable(private val settings: QuizSettings, private val hostPlays: Boolean, override val options: JsonObject) : GameTable {
    override fun plays(role: Role) = when (role) {
        Role.HOST -> hostPlays
        Role.PLAYER -> true
        Role.SPECTATOR -> false
    }

    override fun lobbyView() = QuizView.LOBBY

    override fun start(seats: List<Seat>, now: Long): Step =
        if (seats.isEmpty()) Step.Rejected(Rejection(ErrorCode.WRONG_STATE, "a quiz needs at least one player to start"))
        else QuizRules.start(settings, seats.map { QuizPlayer(it.player, it.name, connected = it.connected) }, now)
}
