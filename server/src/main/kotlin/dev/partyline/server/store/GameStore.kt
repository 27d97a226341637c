package dev.partyline.server.store

import kotlinx.serialization.Serializable

/**
 * A game as the store keeps it: who hosted it ([owner], an account, or [keyHash] for an anonymous
 * host's capability key), its replay [header] as JSON text, and when it began and ended.
 */
@Serializable
data class GameRecord(
    val id: String,
    val room: String,
    val game: String,
    val title: String,
    val owner: String?,
    val keyHash: String?,
    val header: String,
    val players: Int,
    val startedAt: Long,
    val endedAt: Long? = null,
)

/** Games and their journals. Rooms write only through a [JournalWriter]; reports read here. */
interface GameStore {
    /** Writes [entries] in one transaction, each game's row before its lines; an entry already written changes nothing. */
    suspend fun write(entries: List<JournalEntry>)

    /** The games [owner] hosted that have started, newest first. */
    suspend fun hostedBy(owner: String): List<GameRecord>

    suspend fun find(id: String): GameRecord?

    /** Game [id]'s journal: its lines, in order. */
    suspend fun journal(id: String): List<String>

    /** The games that have not ended (in their lobby or playing), oldest first: rooms to rebuild when the server starts. */
    suspend fun running(): List<GameRecord>

    /** Game [id]'s room log: its [RoomEvent]s as JSON, in order. */
    suspend fun roomLog(id: String): List<String>

    /** The room's message number last noted in game [id]'s journal or room log; 0 when none is. */
    suspend fun lastRoomSeq(id: String): Long
}
