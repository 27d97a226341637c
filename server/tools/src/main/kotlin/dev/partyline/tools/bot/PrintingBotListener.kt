package dev.partyline.tools.bot

import dev.partyline.server.bot.BotListener
import dev.partyline.server.bot.BotResult
import kotlinx.coroutines.channels.Channel

/**
 * The CLI's [BotListener]: a line per bot joined, and a summary once every bot has seen a game
 * end. Bots only post to a channel; one coroutine running [print] owns the results and prints.
 */
class PrintingBotListener(private val count: Int, private val out: (String) -> Unit = ::println) : BotListener {
    private val events = Channel<Any>(Channel.UNLIMITED)

    override fun joined(name: String, room: String, game: String) {
        events.trySend("$name joined $room ($game)")
    }

    override fun gameOver(result: BotResult) {
        events.trySend(result)
    }

    override fun ended(name: String, reason: String) {
        events.trySend("$name left: $reason")
    }

    /** Prints what the bots report until [close]. */
    suspend fun print() {
        val results = LinkedHashMap<String, BotResult>()
        for (event in events) {
            if (event !is BotResult) {
                out(event.toString())
                continue
            }
            results[event.name] = event
            if (results.size < count) continue
            val lines = results.values.sortedBy { it.rank ?: Int.MAX_VALUE }
            results.clear()
            out("game over (${lines.first().game}, ${lines.first().players} players):")
            for (r in lines) out("  ${r.name}: rank ${r.rank ?: "-"}, score ${r.score ?: 0}, ${r.moves} moves")
        }
    }

    /** Ends [print] once what was posted has been printed. */
    fun close() {
        events.close()
    }
}
