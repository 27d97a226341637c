package dev.partyline.server.store

import dev.partyline.shared.game.replay.ReplayLine
import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonClassDiscriminator

/** What a room's journal hands the [JournalWriter], in the order it happened; a spill file holds them as JSON lines. */
@OptIn(ExperimentalSerializationApi::class)
@Serializable
@JsonClassDiscriminator("entry")
sealed interface JournalEntry {
    /** A game began; its record. */
    @Serializable @SerialName("begin")
    data class Begin(val record: GameRecord) : JournalEntry

    /** Game [game]'s input number [seq] (0 for the start). */
    @Serializable @SerialName("line")
    data class Line(val game: String, val seq: Int, val line: ReplayLine) : JournalEntry

    /** Game [game] ended at [endedAt], with [players] taking part in all. */
    @Serializable @SerialName("finish")
    data class Finish(val game: String, val endedAt: Long, val players: Int) : JournalEntry
}
