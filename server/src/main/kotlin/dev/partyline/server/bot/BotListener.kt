package dev.partyline.server.bot

/** A bot's result at `game_over`: its [score] and [rank] (null if absent from the leaderboard) among [players], and the [moves] it sent. */
data class BotResult(val name: String, val game: String, val score: Int?, val rank: Int?, val players: Int, val moves: Int)

/** Hears what bots do; the CLI prints it, a test records it. Called from the bots' coroutines. */
interface BotListener {
    /** Bot [name] joined [room], a [game] room. */
    fun joined(name: String, room: String, game: String) {}

    /** A game ended with [result] for one bot. */
    fun gameOver(result: BotResult) {}

    /** Bot [name]'s connection ended, for [reason] (a `goodbye` reason, an error code, or `closed`). */
    fun ended(name: String, reason: String) {}
}
