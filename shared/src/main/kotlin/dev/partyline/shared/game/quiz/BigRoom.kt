package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.CrowdStandings
import dev.partyline.shared.game.Emit
import dev.partyline.shared.protocol.PlayerId

/**
 * Reveals in a big quiz (see [CrowdStandings]). Up to [CrowdStandings.FULL_MAX_PLAYERS] players
 * everyone gets every result and the whole leaderboard. Beyond that each player gets only their
 * own result and the top plus their own standing, and `total` says how many were ranked.
 */
object BigRoom {
    /** Who gets [reveal]: everyone the same, or in a big room each player their own and the watchers the top. */
    fun reveal(reveal: Reveal, players: Set<PlayerId>): List<Emit> {
        if (!CrowdStandings.isBig(players.size)) return listOf(Emit(Audience.Everyone, reveal))
        val results = reveal.results.associateBy { it.player }
        val places = CrowdStandings.placesIn(reveal.leaderboard)
        return players.map { player -> Emit(Audience.Only(player), personal(reveal, player, results, places)) } +
            Emit(Audience.Others(players), personal(reveal, null, results, places))
    }

    /** [reveal] as [viewer] sees it: the whole reveal in a small room. */
    fun revealFor(reveal: Reveal, viewer: PlayerId): Reveal =
        if (!CrowdStandings.isBig(reveal.results.size)) reveal
        else personal(reveal, viewer, reveal.results.associateBy { it.player }, CrowdStandings.placesIn(reveal.leaderboard))

    private fun personal(reveal: Reveal, viewer: PlayerId?, results: Map<PlayerId, AnswerResult>, places: Map<PlayerId, Int>) = reveal.copy(
        results = listOfNotNull(viewer?.let(results::get)),
        leaderboard = CrowdStandings.top(reveal.leaderboard, viewer?.let(places::get)),
        total = reveal.leaderboard.size,
    )
}
