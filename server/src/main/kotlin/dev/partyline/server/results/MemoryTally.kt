package dev.partyline.server.results

import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.memory.FlipCard
import dev.partyline.shared.game.memory.MemoryState
import dev.partyline.shared.game.replay.ReplayStep
import dev.partyline.shared.protocol.PlayerId

/** Counts a memory game's flips and turns per player from its replay. */
internal class MemoryTally {
    private val flips = HashMap<PlayerId, Int>()
    private val turns = HashMap<PlayerId, Int>()
    var state: MemoryState? = null
        private set

    fun see(step: ReplayStep) {
        val after = step.after as? MemoryState ?: return
        val move = step.input as? GameInput.Move
        if (move?.move is FlipCard) flips.merge(move.player, 1, Int::plus)
        // A turn begins when it passes to a player (a match that keeps it is the same turn).
        after.turn?.takeIf { it != state?.turn }?.let { turns.merge(it, 1, Int::plus) }
        state = after
    }

    fun flips(player: PlayerId): Int = flips[player] ?: 0

    /** Turns [player] was given, in turns mode; null in a race. */
    fun turns(player: PlayerId): Int? = if (state?.race == true) null else turns[player] ?: 0
}
