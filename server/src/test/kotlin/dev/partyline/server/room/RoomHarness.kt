package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.server.base.Outbox
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.bot.ServerBotPlayer
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.store.Journal
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.game.replay.ReplayHeader
import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.Goodbye
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.WireCodec
import io.kotest.assertions.withClue
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonArray

val HOST = PlayerId("p_host")
val ADA = PlayerId("p_ada")
val BOB = PlayerId("p_bob")
val CY = PlayerId("p_cy")

/** An [Outbox] that keeps every text offered to it and the goodbye it was closed with. */
class RecordingOutbox(override val connectionId: Long) : Outbox {
    val texts = mutableListOf<String>()
    var goodbye: Goodbye? = null
    private var seen = 0

    override fun offer(text: String): Boolean {
        texts += text
        return true
    }

    override val isClosed: Boolean get() = goodbye != null

    override fun close(goodbye: Goodbye) {
        this.goodbye = goodbye
    }

    /** Every message received so far, parsed. */
    val all: List<JsonObject> get() = texts.map { Json.parseToJsonElement(it).jsonObject }

    /** The messages received since the last call, parsed. */
    fun fresh(): List<JsonObject> = all.drop(seen).also { seen = texts.size }
}

val JsonObject.type: String get() = str("type")
fun JsonObject.str(key: String): String = getValue(key).jsonPrimitive.content
fun JsonObject.num(key: String): Long = getValue(key).jsonPrimitive.long
fun JsonObject.obj(key: String): JsonObject = getValue(key).jsonObject
fun List<JsonObject>.types(): List<String> = map { it.type }
fun List<JsonObject>.ofType(type: String): List<JsonObject> = filter { it.type == type }

/** The one message of [type] among these. */
fun List<JsonObject>.one(type: String): JsonObject = ofType(type).let {
    withClue("exactly one '$type' in ${types()}") { it.size shouldBe 1 }
    it.single()
}

/** Inline quiz questions and options, written as a client would send them. */
object Quiz {
    fun single(answer: Int, seconds: Int? = null): JsonObject = buildJsonObject {
        put("kind", "single")
        put("text", "Pick one")
        putJsonArray("choices") { listOf("a", "b", "c", "d").forEach { add(JsonPrimitive(it)) } }
        putJsonArray("answer") { add(JsonPrimitive(answer)) }
        seconds?.let { put("seconds", it) }
    }

    /** [count] single-choice questions whose answer is choice 2, with [seconds] each. */
    fun options(count: Int = 3, seconds: Int = 20, revealSeconds: Int = 5, lateJoin: Boolean = true): JsonObject = buildJsonObject {
        put("questions", buildJsonArray { repeat(count) { add(single(answer = 2)) } })
        put("seconds", seconds)
        put("revealSeconds", revealSeconds)
        put("lateJoin", lateJoin)
    }
}

/** The server's own [BotDriver], which also tracks the bots it is playing right now. */
class TrackingBotDriver(private val driver: BotDriver) : BotDriver {
    /** The bots whose play has not ended. */
    val playing = mutableSetOf<PlayerId>()

    override suspend fun play(bot: ServerBot) {
        playing += bot.player
        try {
            driver.play(bot)
        } finally {
            playing -= bot.player
        }
    }
}

/**
 * One [RoomActor] built as the registry builds it, driven on [scope]'s virtual time: its loop,
 * timers and server bots run in `backgroundScope`, its clock is the test scheduler's, its
 * members' outboxes record what they are sent.
 */
@OptIn(ExperimentalCoroutinesApi::class)
class RoomHarness(
    private val scope: TestScope,
    options: JsonObject = Quiz.options(),
    game: Game = QuizGame,
    settings: RoomSettings = RoomSettings(public = false, maxPlayers = 50, bots = true),
    val config: ServerConfig = ServerConfig(),
    /** Where the room records its game, if anywhere. */
    journal: Journal? = null,
) {
    val clock = Clock { scope.testScheduler.currentTime }
    val bots = TrackingBotDriver(ServerBotPlayer(config.botThinkMillis, clock, seed = 1))
    var closedCalls = 0
        private set
    private var connections = 0L
    private val outboxes = HashMap<PlayerId, RecordingOutbox>()

    /** The replay header the room's game is set up from. */
    val header = ReplayHeader(game.id, options, SEED, CODE.value)

    val room = RoomActor(
        CODE, game.id, (game.setup(options, SEED) as Setup.Ready).table, settings,
        scope.backgroundScope, clock, config, WireCodec(Games.all), ServerMetrics(), bots,
        journal?.let { RoomRecording(it, header, HOST, null, "Quiz") },
    ) { closedCalls++ }

    val now: Long get() = scope.testScheduler.currentTime

    /** A new connection for [player], which becomes the one [of] returns. */
    fun connect(player: PlayerId): RecordingOutbox = RecordingOutbox(++connections).also { outboxes[player] = it }

    /** The latest connection of [player]. */
    fun of(player: PlayerId): RecordingOutbox = outboxes.getValue(player)

    /** Starts the room with [creator] as host and lets it seat them. */
    fun open(creator: PlayerId = HOST): RoomHarness {
        room.start(Joiner(creator, nameOf(creator), false, connect(creator)))
        scope.runCurrent()
        return this
    }

    suspend fun join(player: PlayerId, role: Role = Role.PLAYER, re: JsonElement? = null, bot: Boolean = false): Boolean =
        room.join(Joiner(player, nameOf(player), bot, connect(player), re), role).also { scope.runCurrent() }

    /** Sends an in-room [message] from [player], stamped now, and lets the room handle it. */
    suspend fun send(player: PlayerId, message: ClientMessage, re: JsonElement? = null) {
        room.submit(player, message, re, now).shouldBe(true)
        scope.runCurrent()
    }

    suspend fun answer(player: PlayerId, index: Int, choice: Int, re: JsonElement? = null) = send(player, Answer(index, choice), re)

    suspend fun leave(player: PlayerId, re: JsonElement? = null): Boolean = room.leave(player, re).also { scope.runCurrent() }

    /** Drops [player]'s current connection, as its transport would on a disconnect. */
    suspend fun detach(player: PlayerId) {
        room.detach(player, of(player))
        scope.runCurrent()
    }

    /** Lets [millis] of virtual time pass, running whatever falls due up to and including its end. */
    fun advance(millis: Long) {
        scope.advanceTimeBy(millis)
        scope.runCurrent()
    }

    /** Forgets what every member has received so far. */
    fun settle() = outboxes.values.forEach { it.fresh() }

    /** Opens a room (at virtual time 0 unless time has passed) with [players] joined, and starts the game. */
    suspend fun started(players: List<PlayerId>): RoomHarness {
        open()
        players.forEach { join(it).shouldBe(true) }
        send(HOST, dev.partyline.shared.protocol.CoreClientMessages.Start)
        return this
    }

    companion object {
        val CODE = RoomCode("QX7K2M")
        const val SEED = 7L
        fun nameOf(player: PlayerId) = player.value.removePrefix("p_")

        /** Fails if any question or snapshot carries an answer before its reveal. */
        fun JsonObject.shouldNotLeakAnswers() {
            val question = when (type) {
                "question" -> this
                "room" -> this["question"] as? JsonObject
                else -> null
            } ?: return
            withClue("no answer in $this") {
                question.containsKey("answer") shouldBe false
                question.containsKey("accept") shouldBe false
            }
        }

        fun JsonObject.players(): List<JsonObject> = getValue("players").jsonArray.map { it.jsonObject }
        fun JsonObject.playerEntry(player: PlayerId): JsonObject = players().single { it.str("player") == player.value }

        fun JsonObject.shouldBeError(code: String, re: JsonElement?): JsonObject {
            withClue("$this") {
                type shouldBe "error"
                str("code") shouldBe code
                this@shouldBeError["re"] shouldBe re
            }
            return this
        }
    }
}
