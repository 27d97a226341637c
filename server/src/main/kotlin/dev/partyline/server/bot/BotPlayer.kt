package dev.partyline.server.bot

import dev.partyline.server.PartylineServer
import io.ktor.network.selector.SelectorManager
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.put
import kotlin.random.Random

/**
 * One bot over TCP: says hello as a bot, joins [BotSettings.room] as a player, answers `ping`,
 * and plays the room's game (quiz or memory) each time it starts. After `game_over` it stays in
 * the room for the next game; it ends on `goodbye`, a refused join, or a closed connection.
 *
 * One loop owns all the bot's state: it takes the next message, or, when a move is due, makes it.
 */
class BotPlayer(
    val name: String,
    private val settings: BotSettings,
    private val random: Random,
    private val selector: SelectorManager,
    private val listener: BotListener,
) {
    private var me = ""
    private var game: BotGame? = null
    private var gameName = ""
    private var moves = 0
    private var dueAt: Long? = null

    /** Connects and plays until the connection ends. */
    suspend fun run() {
        val socket = LineSocket.connect(selector, settings.host, settings.tcpPort, settings.maxLineBytes)
        try {
            coroutineScope {
                val inbox = Channel<JsonObject>(INBOX_CAPACITY)
                val reader = launch {
                    try {
                        socket.readLines { line -> parse(line)?.let { inbox.send(it) } }
                    } finally {
                        inbox.close()
                    }
                }
                socket.send(hello())
                socket.send(buildJsonObject { put("type", "join"); put("room", settings.room); put("as", "player"); put("id", "join") }.toString())
                val reason = play(socket, inbox)
                listener.ended(name, reason)
                reader.cancel()
            }
        } finally {
            socket.close()
        }
    }

    private suspend fun play(socket: LineSocket, inbox: Channel<JsonObject>): String {
        while (true) {
            val ready = inbox.tryReceive()
            val message = when {
                ready.isSuccess -> ready.getOrThrow()
                ready.isClosed -> return "closed"
                else -> {
                    val wait = dueAt?.let { it - now() }
                    val received = if (wait == null) inbox.receiveCatching() else if (wait <= 0) null else withTimeoutOrNull(wait) { inbox.receiveCatching() }
                    if (received == null) {
                        dueAt = null
                        game?.move()?.let { socket.send(it); moves++ }
                        plan()
                        continue
                    }
                    received.getOrNull() ?: return "closed"
                }
            }
            handle(socket, message)?.let { return it }
            plan()
        }
    }

    /** Handles [message]; returns why the bot stops, or null to go on. */
    private suspend fun handle(socket: LineSocket, message: JsonObject): String? {
        when (message.type) {
            "ping" -> socket.send(buildJsonObject { put("type", "pong"); message["t"]?.let { put("t", it) } }.toString())
            "welcome" -> me = message.string("player").orEmpty()
            "goodbye" -> return message.string("reason") ?: "goodbye"
            "error" -> if (message.string("re") == "join") return message.string("code") ?: "join refused"
            "left" -> return "left"
            "room" -> if (game == null) {
                gameName = message.string("game").orEmpty()
                game = when (gameName) {
                    "quiz" -> QuizPlay(QuizGuess(settings.skill, settings.thinkMillis), random)
                    "memory" -> MemoryPlay(me, MemoryRecall(settings.skill), settings.thinkMillis, random)
                    else -> return "unknown game $gameName"
                }
                listener.joined(name, message.string("code") ?: settings.room, gameName)
            }
            "game_over" -> listener.gameOver(result(message))
        }
        game?.apply(message)
        return null
    }

    private fun plan() {
        val current = game ?: return
        if (!current.canMove()) dueAt = null
        else if (dueAt == null) dueAt = now() + current.thinkMillis()
    }

    private fun result(gameOver: JsonObject): BotResult {
        val board = (gameOver["leaderboard"] as? JsonArray).orEmpty().mapNotNull { it as? JsonObject }
        val mine = board.firstOrNull { it.string("player") == me }
        return BotResult(name, gameName, mine?.int("score"), mine?.int("rank"), board.size, moves).also { moves = 0 }
    }

    private fun hello(): String = buildJsonObject {
        put("type", "hello")
        put("name", name)
        put("protocol", 1)
        put("bot", true)
        put("client", "partyline-bot/${PartylineServer.VERSION}")
    }.toString()

    private fun parse(line: String): JsonObject? = runCatching { Json.parseToJsonElement(line).jsonObject }.getOrNull()

    private fun now(): Long = System.nanoTime() / 1_000_000

    private companion object {
        const val INBOX_CAPACITY = 1024

    }
}
