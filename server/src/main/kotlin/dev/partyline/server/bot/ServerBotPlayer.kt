package dev.partyline.server.bot

import dev.partyline.server.base.Clock
import dev.partyline.server.room.BotDriver
import dev.partyline.server.room.ServerBot
import kotlin.random.Random

/**
 * Plays the bots that hosts add to rooms (`add_bot`) inside the server, with the same [BotMind]
 * as a remote bot: it reads only the texts its room sends the bot and answers through
 * [ServerBot.send], so it sees exactly what a remote bot would see and nothing of the game's state.
 * [thinkMillis] is the base think time, [clock] the server's. With a [seed], each bot's choices
 * come from its own random seeded by it and the bot's id (so tests are repeatable); without one,
 * from the shared thread-safe default.
 */
class ServerBotPlayer(private val thinkMillis: Long, private val clock: Clock, private val seed: Long? = null) : BotDriver {
    override suspend fun play(bot: ServerBot) {
        val random = seed?.let { Random(it xor bot.player.value.hashCode().toLong()) } ?: Random.Default
        val mind = BotMind(bot.name, bot.skill, thinkMillis, random, object : BotListener {}, clock::now)
        mind.run(bot.inbox) { bot.send(it) }
    }
}
