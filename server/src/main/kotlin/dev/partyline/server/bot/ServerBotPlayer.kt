package dev.partyline.server.bot

import dev.partyline.server.Clock
import dev.partyline.server.room.BotDriver
import dev.partyline.server.room.ServerBot
import kotlin.random.Random

/**
 * Plays the bots that hosts add to rooms (`add_bot`) inside the server, with the same [BotMind]
 * as a remote bot: it reads only the texts its room sends the bot and answers through
 * [ServerBot.send], so it sees exactly what a remote bot would see and nothing of the game's state.
 * [thinkMillis] is the base think time, [clock] the server's.
 */
class ServerBotPlayer(private val thinkMillis: Long, private val clock: Clock) : BotDriver {
    override suspend fun play(bot: ServerBot) {
        val mind = BotMind(bot.name, bot.skill, thinkMillis, Random.Default, object : BotListener {}, clock::now)
        mind.run(bot.inbox) { bot.send(it) }
    }
}
