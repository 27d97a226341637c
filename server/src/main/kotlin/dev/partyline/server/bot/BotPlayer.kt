package dev.partyline.server.bot

import dev.partyline.server.base.PARTYLINE_VERSION
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlin.random.Random

/**
 * One remote bot: connects with [connector] (TCP or WebSocket), says hello as a bot, joins
 * [BotSettings.room] as a player and plays with a [BotMind] each game that starts. After
 * `game_over` it stays in the room for the next game; it ends on `goodbye`, a refused join, or a
 * closed connection.
 */
class BotPlayer(
    val name: String,
    private val settings: BotSettings,
    private val random: Random,
    private val connector: BotConnector,
    private val listener: BotListener,
) {
    /** Connects and plays until the connection ends. */
    suspend fun run() {
        val link = connector.connect()
        try {
            coroutineScope {
                val inbox = Channel<String>(INBOX_CAPACITY)
                val reader = launch {
                    try {
                        link.receive { inbox.send(it) }
                    } finally {
                        inbox.close()
                    }
                }
                link.send(hello())
                link.send(buildJsonObject { put("type", "join"); put("room", settings.room); put("as", "player"); put("id", BotMind.JOIN_ID) }.toString())
                val mind = BotMind(name, settings.skill, settings.thinkMillis, random, listener) { System.nanoTime() / 1_000_000 }
                listener.ended(name, mind.run(inbox, link::send))
                reader.cancel()
            }
        } finally {
            withContext(NonCancellable) { withTimeoutOrNull(CLOSE_MILLIS) { link.close() } }
        }
    }

    private fun hello(): String = buildJsonObject {
        put("type", "hello")
        put("name", name)
        put("protocol", 1)
        put("bot", true)
        put("client", "partyline-bot/$PARTYLINE_VERSION")
    }.toString()

    private companion object {
        const val INBOX_CAPACITY = 1024
        const val CLOSE_MILLIS = 1000L
    }
}
