package dev.partyline.tools.bot

import dev.partyline.client.ClientSettings
import dev.partyline.client.Connector
import dev.partyline.client.PartylineClient
import dev.partyline.server.base.PARTYLINE_VERSION
import dev.partyline.server.bot.BotListener
import dev.partyline.server.bot.BotMind
import dev.partyline.shared.protocol.CoreClientMessages
import dev.partyline.shared.protocol.Limits
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.produceIn
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.JsonPrimitive
import kotlin.random.Random

/**
 * One remote bot: connects a [PartylineClient] with [connector] to [BotSettings.endpoint] (TCP or
 * WebSocket), says hello as a bot, joins [BotSettings.room] as a player and plays with a [BotMind]
 * each game that starts. After `game_over` it stays in the room for the next game; it ends on
 * `goodbye`, a refused join, or a closed connection.
 */
class BotPlayer(
    val name: String,
    private val settings: BotSettings,
    private val random: Random,
    private val connector: Connector,
    private val listener: BotListener,
) {
    /** Connects and plays until the connection ends. */
    suspend fun run() {
        val client = PartylineClient.connect(settings.endpoint, ClientSettings(client = CLIENT), connector)
        try {
            coroutineScope {
                val inbox = client.events.map { it.text }.produceIn(this)
                client.send(CoreClientMessages.Hello(name = name, protocol = Limits.PROTOCOL_VERSION, client = CLIENT, bot = true))
                // Not a request: a refusal must reach BotMind among the events, where it ends the bot.
                client.sendText(PartylineClient.CODEC.encodeClient(CoreClientMessages.Join(settings.room), JsonPrimitive(BotMind.JOIN_ID)))
                val mind = BotMind(name, settings.skill, settings.thinkMillis, random, listener) { System.nanoTime() / 1_000_000 }
                listener.ended(name, mind.run(inbox, client::sendText))
                inbox.cancel()
            }
        } finally {
            client.close()
            // Waits (briefly) for the connection to be shut, so the swarm's connector outlives it.
            withContext(NonCancellable) { withTimeoutOrNull(CLOSE_MILLIS) { client.awaitEnd() } }
        }
    }

    private companion object {
        val CLIENT = "partyline-bot/$PARTYLINE_VERSION"
        const val CLOSE_MILLIS = 1000L
    }
}
