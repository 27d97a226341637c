package dev.partyline.server.bot

import kotlinx.coroutines.channels.ReceiveChannel
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlin.random.Random

/**
 * How a bot plays, whatever carries its messages: it reads the server's messages (JSON text, as
 * sent on the wire) from an inbox and plays the room's game ([QuizPlay] or [MemoryPlay]) each
 * time one starts, sending its moves as text. Its id comes from the `room` snapshot. It has no
 * other input: what it knows of a game is what it was sent. It leaves `ping` to its connection
 * (a [BotPlayer]'s client answers it; a bot inside the server is never pinged).
 *
 * [BotPlayer] runs one over a socket; [ServerBotPlayer] runs one inside the server. One loop owns
 * all its state: it takes the next message or, when a move is due, makes it. [clock] is a
 * millisecond clock for think times.
 */
class BotMind(
    val name: String,
    private val skill: Double,
    private val thinkMillis: Long,
    private val random: Random,
    private val listener: BotListener,
    private val clock: () -> Long,
) {
    private var me = ""
    private var game: BotGame? = null
    private var gameName = ""
    private var moves = 0
    private var dueAt: Long? = null

    /** Plays until the inbox closes or the server ends the bot's part; returns why it stopped. */
    suspend fun run(inbox: ReceiveChannel<String>, send: suspend (String) -> Unit): String {
        while (true) {
            val ready = inbox.tryReceive()
            val text = when {
                ready.isSuccess -> ready.getOrThrow()
                ready.isClosed -> return "closed"
                else -> {
                    val wait = dueAt?.let { it - clock() }
                    val received = if (wait == null) inbox.receiveCatching() else if (wait <= 0) null else withTimeoutOrNull(wait) { inbox.receiveCatching() }
                    if (received == null) {
                        dueAt = null
                        game?.move()?.let { send(it); moves++ }
                        plan()
                        continue
                    }
                    received.getOrNull() ?: return "closed"
                }
            }
            val message = parse(text) ?: continue
            handle(message)?.let { return it }
            plan()
        }
    }

    /** Learns from [message]; returns why the bot stops, or null to go on. */
    private fun handle(message: JsonObject): String? {
        when (message.type) {
            "goodbye" -> return message.string("reason") ?: "goodbye"
            "error" -> if (message.string("re") == JOIN_ID) return message.string("code") ?: "join refused"
            "left" -> return "left"
            "room" -> if (game == null) {
                me = message.obj("you")?.string("player").orEmpty()
                gameName = message.string("game").orEmpty()
                game = when (gameName) {
                    "quiz" -> QuizPlay(QuizGuess(skill, thinkMillis), random)
                    "memory" -> MemoryPlay(me, MemoryRecall(skill), thinkMillis, random)
                    else -> return "unknown game $gameName"
                }
                listener.joined(name, message.string("code").orEmpty(), gameName)
            }
            "game_over" -> listener.gameOver(result(message))
        }
        game?.apply(message)
        return null
    }

    private fun plan() {
        val current = game ?: return
        if (!current.canMove()) dueAt = null
        else if (dueAt == null) dueAt = clock() + current.thinkMillis()
    }

    private fun result(gameOver: JsonObject): BotResult {
        val board = (gameOver["leaderboard"] as? JsonArray).orEmpty().mapNotNull { it as? JsonObject }
        val mine = board.firstOrNull { it.string("player") == me }
        return BotResult(name, gameName, mine?.int("score"), mine?.int("rank"), board.size, moves).also { moves = 0 }
    }

    private fun parse(text: String): JsonObject? = runCatching { Json.parseToJsonElement(text).jsonObject }.getOrNull()

    companion object {
        /** The `id` of a remote bot's `join`, so that its refusal ends the bot. */
        const val JOIN_ID = "join"
    }
}
