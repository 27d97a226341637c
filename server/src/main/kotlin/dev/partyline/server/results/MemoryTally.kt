package dev.partyline.server.results

import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.memory.FlipCard
import dev.partyline.shared.game.memory.MemoryState
import dev.partyline.shared.game.memory.TurnStarted
import dev.partyline.shared.game.replay.ReplayStep
import dev.partyline.shared.protocol.PlayerId

/** Counts a memory game's flips and turns per player from its replay. */
internal class MemoryTally {
    private val flips = HashMap<PlayerId, Int>()
    private val turns = HashMap<PlayerId, Int>()
    var state: MemoryState? = null
        private set

    fun see(step: ReplayStep) {
        state = step.after as? MemoryState ?: return
        val move = step.input as? GameInput.Move
        if (move?.move is FlipCard) flips.merge(move.player, 1, Int::plus)
        step.emits.mapNotNull { (it.message as? TurnStarted)?.player }.distinct().forEach { turns.merge(it, 1, Int::plus) }
    }

    fun flips(player: PlayerId): Int = flips[player] ?: 0

    /** Turns [player] was given, in turns mode; null in a race. */
    fun turns(player: PlayerId): Int? = if (state?.race == true) null else turns[player] ?: 0
}
