package dev.partyline.tools.bot

import dev.partyline.client.Connector
import dev.partyline.server.bot.BotListener
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlin.random.Random

/**
 * Runs [BotSettings.count] bots named `<prefix>-1`…, each on its own coroutine and connected
 * through one shared [Connector], until every bot's connection has ended. This is what the `bot`
 * subcommand runs. With a seed, bot `i` draws from `Random(seed + i)`, so a run is repeatable
 * given the same server events.
 */
class BotSwarm(private val settings: BotSettings, private val listener: BotListener) {
    suspend fun run() {
        val connector = Connector(settings.maxLineBytes)
        try {
            coroutineScope {
                for (i in 1..settings.count) {
                    val random = settings.seed?.let { Random(it + i) } ?: Random.Default
                    val bot = BotPlayer("${settings.namePrefix}-$i", settings, random, connector, listener)
                    launch {
                        try {
                            bot.run()
                        } catch (e: CancellationException) {
                            throw e
                        } catch (e: Exception) {
                            // One bot's failure (refused connection, reset) ends that bot only.
                            listener.ended(bot.name, e.message ?: e::class.simpleName ?: "error")
                        }
                    }
                }
            }
        } finally {
            connector.close()
        }
    }
}
