package dev.partyline.shared.game

import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Standing

/** One participant's name and score, in seat order, for [standings]. */
data class Tally(val player: PlayerId, val name: String, val score: Int)

/** Builds a leaderboard: highest score first, ties keep seat order and share a rank (1, 1, 3). */
fun standings(tallies: List<Tally>): List<Standing> {
    val sorted = tallies.sortedByDescending { it.score }
    var rank = 0
    return sorted.mapIndexed { i, t ->
        if (i == 0 || sorted[i - 1].score != t.score) rank = i + 1
        Standing(t.player, t.name, t.score, rank)
    }
}
