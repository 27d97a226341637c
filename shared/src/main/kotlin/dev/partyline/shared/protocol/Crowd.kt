package dev.partyline.shared.protocol

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/**
 * How many are in a big room: the members who [players] play (or will, once the game starts),
 * the [spectators], and how many of the players are [connected] now. A room is big, for the rest
 * of its life, from the moment its members outnumber [BIG_AFTER]: from then on its snapshot lists
 * only a few members beside this count, and comings and goings reach the room as [Presence].
 */
@Serializable
data class Crowd(val players: Int, val spectators: Int, val connected: Int) {
    companion object {
        /** A room with more members than this is big. */
        const val BIG_AFTER = 100

        /** The players a big room's snapshot names beside you and the host: the top scorers, or in the lobby the first to come. */
        const val SHOWN = 10

        /** The latest comings (and goings) a [Presence] names. */
        const val RECENT = 5

        /** Chat lines a big room takes each second from all its members together, and in a burst. */
        const val CHAT_PER_SECOND = 5
        const val CHAT_BURST = 10

        /** What summarises a crowd ([Presence], answer progress, a race's standings) goes out at most this often... */
        const val SUMMARY_INTERVAL_MS = 250L

        /** ...and in a crowd of more than [CROWDED_AFTER], at most this often: each goes to everyone. */
        const val CROWDED_SUMMARY_INTERVAL_MS = 1_000L
        const val CROWDED_AFTER = 1_000

        /** How often a room of [count] hears a summary of its crowd, at most. */
        fun summaryIntervalMs(count: Int): Long = if (count > CROWDED_AFTER) CROWDED_SUMMARY_INTERVAL_MS else SUMMARY_INTERVAL_MS
    }
}

/**
 * `presence`: a big room's comings and goings since the last one, sent a few times a second (once a second past [Crowd.CROWDED_AFTER] members) in
 * place of `player_joined`, `player_left` and `player_status`: the [crowd] now, the latest
 * [joined] who are still here (at most [Crowd.RECENT], the latest last) and the latest [left].
 */
@Serializable @SerialName("presence")
data class Presence(val crowd: Crowd, val joined: List<PlayerView>, val left: List<PlayerId>) : ServerMessage
