package dev.partyline.server.bot

import java.util.concurrent.ConcurrentHashMap

/** The CLI's [BotListener]: a line per bot joined, and a summary once every bot has seen a game end. */
class PrintingBotListener(private val count: Int, private val print: (String) -> Unit = ::println) : BotListener {
    private val results = ConcurrentHashMap<String, BotResult>()

    override fun joined(name: String, room: String, game: String) = print("$name joined $room ($game)")

    override fun gameOver(result: BotResult) {
        results[result.name] = result
        if (results.size < count) return
        val lines = synchronized(this) { results.values.sortedBy { it.rank ?: Int.MAX_VALUE }.also { results.clear() } }
        print("game over (${lines.first().game}, ${lines.first().players} players):")
        for (r in lines) print("  ${r.name}: rank ${r.rank ?: "-"}, score ${r.score ?: 0}, ${r.moves} moves")
    }

    override fun ended(name: String, reason: String) = print("$name left: $reason")
}
