package dev.partyline.shared.game.replay

import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.Step
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec

/** One line of a replay as the rules took it: the [input], the state [before] and [after] it, and what it emitted. */
data class ReplayStep(val line: ReplayLine, val input: GameInput?, val before: GamePlay?, val after: GamePlay, val emits: List<Emit>)

/** What a replay came to: the game's last state and everything it emitted, in order. */
data class Replayed(val play: GamePlay?, val emits: List<Emit>) {
    /** The `game_over` [viewer] was sent, if the game ended. */
    fun gameOver(viewer: PlayerId): GameOver? = emits.lastOrNull { it.message is GameOver && it.to.includes(viewer, null) }?.message as GameOver?
}

/**
 * Re-runs a game from its replay file through the same rules: the header sets the game up with its
 * options and seed, then every line is fed at its recorded time. The rules never read a clock or a
 * random source of their own, so the replay gives the game that was played, `game_over` and all.
 */
class Replayer(private val games: List<Game>) {
    private val codec = WireCodec(games)

    /** Replays [file], telling [each] of every step; throws [ReplayProblem] where the file and the rules part ways. */
    fun run(file: ReplayFile, each: (ReplayStep) -> Unit = {}): Replayed {
        val game = games.firstOrNull { it.id == file.header.game } ?: throw ReplayProblem("no game '${file.header.game}' in this Partyline", 1)
        val table = when (val setup = game.setup(file.header.options, file.header.seed)) {
            is Setup.Invalid -> throw ReplayProblem("the header's options are refused: ${setup.rejection.message}", 1)
            is Setup.Ready -> setup.table
        }
        var play: GamePlay? = null
        val emits = ArrayList<Emit>()
        file.lines.forEachIndexed { i, line ->
            val number = i + 2
            val input = try {
                line.input(codec)
            } catch (e: ReplayProblem) {
                throw ReplayProblem(e.reason, number)
            }
            val step = when {
                line is ReplayLine.Start && play == null -> table.start(line.seats.map { it.seat }, line.at)
                line is ReplayLine.Start -> throw ReplayProblem("the game has already started", number)
                else -> play?.decide(input!!, line.at) ?: throw ReplayProblem("an input before the game's start", number)
            }
            if (step is Step.Rejected) throw ReplayProblem("the rules refuse this input: ${step.rejection.message}", number)
            step as Step.Next
            each(ReplayStep(line, input, play, step.play, step.emits))
            play = step.play
            emits += step.emits
        }
        return Replayed(play, emits)
    }
}
