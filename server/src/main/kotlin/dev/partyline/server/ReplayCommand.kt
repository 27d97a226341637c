package dev.partyline.server

import com.github.ajalt.clikt.core.CliktCommand
import com.github.ajalt.clikt.core.Context
import com.github.ajalt.clikt.core.ProgramResult
import com.github.ajalt.clikt.parameters.arguments.argument
import com.github.ajalt.clikt.parameters.types.inputStream
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.replay.ReplayFile
import dev.partyline.shared.game.replay.ReplayProblem
import dev.partyline.shared.game.replay.Replayed
import dev.partyline.shared.game.replay.Replayer
import dev.partyline.shared.protocol.GameOver

/**
 * `partyline replay FILE`: re-runs a game's replay file through this Partyline's rules and prints
 * the final standings, the end reason and the seed. A file the format or the rules refuse exits 1
 * with one line on stderr naming the line.
 */
class ReplayCommand : CliktCommand(name = "replay") {
    override fun help(context: Context) =
        "Re-runs a game's replay file (GET /api/games/{id}/replay.jsonl) through the same rules and prints the final standings. FILE `-` reads stdin."

    private val file by argument(name = "FILE", help = "a replay file, or - for stdin").inputStream()

    override fun run() {
        val text = file.use { it.readBytes().decodeToString() }
        val (replay, replayed) = try {
            ReplayFile.parse(text).let { it to Replayer(Games.all).run(it) }
        } catch (e: ReplayProblem) {
            echo("partyline replay: ${e.message}", err = true)
            throw ProgramResult(1)
        }
        val room = replay.header.room?.let { " in room $it" }.orEmpty()
        echo("${replay.header.game}$room, ${replay.lines.size} inputs replayed")
        val play = replayed.play
        if (play == null) {
            echo("The game had not started: the file holds no start line.")
            return
        }
        echo(table(play.standings.map { listOf(it.rank.toString(), it.name, it.score.toString()) }))
        val over = replayed.gameOver()
        if (over == null) {
            echo("The game had not ended: these are the standings after the file's last line.")
        } else {
            echo("Ended: ${over.reason}" + over.seed?.let { ", seed $it" }.orEmpty())
        }
    }
}

/** The `game_over` the game ended with, whoever it was sent to; null when it had not ended. */
private fun Replayed.gameOver(): GameOver? = emits.lastOrNull { it.message is GameOver }?.message as GameOver?

/** [rows] of rank, name and score under a heading, in columns: numbers to the right, names to the left. */
private fun table(rows: List<List<String>>): String {
    val all = listOf(listOf("Rank", "Name", "Score")) + rows
    val widths = (0..2).map { column -> all.maxOf { it[column].length } }
    return all.joinToString("\n") { (rank, name, score) ->
        "${rank.padStart(widths[0])}  ${name.padEnd(widths[1])}  ${score.padStart(widths[2])}"
    }
}
