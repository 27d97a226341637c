package dev.partyline.server.store

import dev.partyline.shared.game.replay.ReplayLine
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonClassDiscriminator

/**
 * What a room's journal hands the [JournalWriter], in the order it happened; a spill file holds
 * them as JSON lines. [Line] and [Room] note the room's message number then ([roomSeq]).
 */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
@JsonClassDiscriminator("entry")
sealed interface JournalEntry {
    /** A room opened for a game; the game's record (its start is the room's opening until [Start]). */
    @Serializable @SerialName("begin")
    data class Begin(val record: GameRecord) : JournalEntry

    /** Game [game] started at [startedAt] with [players] seated. */
    @Serializable @SerialName("start")
    data class Start(val game: String, val startedAt: Long, val players: Int) : JournalEntry

    /** Game [game]'s input number [seq] (0 for the start). */
    @Serializable @SerialName("line")
    data class Line(val game: String, val seq: Int, val line: ReplayLine, val roomSeq: Long = 0) : JournalEntry

    /** Game [game]'s room-log entry number [seq]: who is in its room. */
    @Serializable @SerialName("room")
    data class Room(val game: String, val seq: Int, val event: RoomEvent, val roomSeq: Long) : JournalEntry

    /**
     * Game [game] ended at [endedAt], with [players] taking part in all; [keyHash], when set, is
     * the hash of the capability key its `game_over` gave (a rebuilt room draws a new one).
     */
    @Serializable @SerialName("finish")
    data class Finish(val game: String, val endedAt: Long, val players: Int, val keyHash: String? = null) : JournalEntry

    /** Game [game]'s room closed before it started: its record goes, with its room log. */
    @Serializable @SerialName("discard")
    data class Discard(val game: String) : JournalEntry
}
