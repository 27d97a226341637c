package dev.partyline.shared.game

import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Standing

/**
 * Standings in a game of many players. Up to [FULL_MAX_PLAYERS] players everyone gets the whole
 * leaderboard; beyond that each player gets the top [TOP] and their own standing, with `total`
 * saying how many were ranked: every standing to every player would cost bytes by the square of
 * the game.
 */
object CrowdStandings {
    const val FULL_MAX_PLAYERS = Crowd.BIG_AFTER
    const val TOP = Crowd.SHOWN

    fun isBig(players: Int) = players > FULL_MAX_PLAYERS

    /** Who gets the final [leaderboard]: everyone the whole of it, or in a big game the top and their own standing. */
    fun gameOver(leaderboard: List<Standing>, reason: String, players: Set<PlayerId>, seed: Long? = null): List<Emit> {
        if (!isBig(players.size)) return listOf(Emit(Audience.Everyone, GameOver(leaderboard, reason, seed)))
        val places = placesIn(leaderboard)
        return players.map { player -> Emit(Audience.Only(player), GameOver(top(leaderboard, places[player]), reason, seed, total = leaderboard.size)) } +
            Emit(Audience.Others(players), GameOver(top(leaderboard, null), reason, seed, total = leaderboard.size))
    }

    /** Each player's index in [leaderboard]. */
    fun placesIn(leaderboard: List<Standing>): Map<PlayerId, Int> = leaderboard.withIndex().associate { (i, s) -> s.player to i }

    /** The top of [leaderboard], and the standing at [place] when it is below the top. */
    fun top(leaderboard: List<Standing>, place: Int?): List<Standing> =
        leaderboard.take(TOP) + listOfNotNull(place?.takeIf { it >= TOP }?.let(leaderboard::get))
}
