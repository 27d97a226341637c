package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.Emit
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Standing

/**
 * Reveals and final standings in a big quiz. Up to [FULL_MAX_PLAYERS] players everyone gets
 * every result and the whole leaderboard. Beyond that each player gets only their own result and
 * the top [TOP] plus their own standing, and `total` says how many were ranked: sending every
 * result to every player would cost bytes by the square of the room.
 */
object BigRoom {
    const val FULL_MAX_PLAYERS = 100
    const val TOP = 10

    fun isBig(players: Int) = players > FULL_MAX_PLAYERS

    /** Who gets [reveal]: everyone the same, or in a big room each player their own and the watchers the top. */
    fun reveal(reveal: Reveal, players: Set<PlayerId>): List<Emit> {
        if (!isBig(players.size)) return listOf(Emit(Audience.Everyone, reveal))
        val results = reveal.results.associateBy { it.player }
        val places = placesIn(reveal.leaderboard)
        return players.map { player -> Emit(Audience.Only(player), personal(reveal, player, results, places)) } +
            Emit(Audience.Others(players), personal(reveal, null, results, places))
    }

    /** [reveal] as [viewer] sees it: the whole reveal in a small room. */
    fun revealFor(reveal: Reveal, viewer: PlayerId): Reveal =
        if (!isBig(reveal.results.size)) reveal
        else personal(reveal, viewer, reveal.results.associateBy { it.player }, placesIn(reveal.leaderboard))

    /** Who gets the final [leaderboard]: everyone the whole of it, or in a big room the top and their own standing. */
    fun gameOver(leaderboard: List<Standing>, reason: String, players: Set<PlayerId>): List<Emit> {
        if (!isBig(players.size)) return listOf(Emit(Audience.Everyone, GameOver(leaderboard, reason)))
        val places = placesIn(leaderboard)
        return players.map { player -> Emit(Audience.Only(player), GameOver(top(leaderboard, places[player]), reason, total = leaderboard.size)) } +
            Emit(Audience.Others(players), GameOver(top(leaderboard, null), reason, total = leaderboard.size))
    }

    private fun personal(reveal: Reveal, viewer: PlayerId?, results: Map<PlayerId, AnswerResult>, places: Map<PlayerId, Int>) = reveal.copy(
        results = listOfNotNull(viewer?.let(results::get)),
        leaderboard = top(reveal.leaderboard, viewer?.let(places::get)),
        total = reveal.leaderboard.size,
    )

    /** Each player's index in [leaderboard]. */
    private fun placesIn(leaderboard: List<Standing>): Map<PlayerId, Int> = leaderboard.withIndex().associate { (i, s) -> s.player to i }

    /** The top of [leaderboard], and the standing at [place] when it is below the top. */
    private fun top(leaderboard: List<Standing>, place: Int?): List<Standing> =
        leaderboard.take(TOP) + listOfNotNull(place?.takeIf { it >= TOP }?.let(leaderboard::get))
}
