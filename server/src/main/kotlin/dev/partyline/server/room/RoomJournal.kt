package dev.partyline.server.room

import dev.partyline.server.store.GameRecord
import dev.partyline.server.store.JournalEntry
import dev.partyline.server.store.StoreSecrets
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.replay.ReplayHeader
import dev.partyline.shared.game.replay.ReplayLine
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec

/**
 * A room's journal: from the game's start, every input its rules accept, with the time they took
 * it, handed to the recording's journal as [JournalEntry]s. Offering never waits: when the
 * writer's queue is full, entries wait here, in order, and go at the next [flush]. Part of a
 * [RoomActor], used only from its loop.
 */
internal class RoomJournal(private val record: RoomRecording, private val codec: WireCodec) {
    /** Who created the room: their `game_over` carries the [report] link. */
    val creator: PlayerId get() = record.creator

    private val waiting = ArrayDeque<JournalEntry>()
    private var game: String? = null
    private var seq = 0

    /** The link to the game's report: an account's own, or with the capability key for an anonymous host; null before the start. */
    var report: String? = null
        private set

    /** The game started at [at] with [seats]: its record, then its first line. */
    fun begin(seats: List<Seat>, at: Long) {
        val id = StoreSecrets.id()
        val key = if (record.account == null) StoreSecrets.id() else null
        game = id
        report = "/api/games/$id" + (key?.let { "?key=$it" } ?: "")
        val header = ReplayLine.json.encodeToString(ReplayHeader.serializer(), record.header)
        waiting += JournalEntry.Begin(
            GameRecord(id, record.header.room.orEmpty(), record.header.game, record.title, record.account, key?.let(StoreSecrets::hash), header, seats.size, at),
        )
        append(ReplayLine.start(seats, at))
    }

    /** The rules accepted [input] at [at]. */
    fun record(input: GameInput, at: Long) = append(ReplayLine.of(input, at, codec))

    /** The game ended at [at], with [players] taking part in all. */
    fun finish(at: Long, players: Int) {
        waiting += JournalEntry.Finish(game ?: return, at, players)
    }

    /** Offers the waiting entries, in order, while the writer takes them; true when none is left. */
    fun flush(): Boolean {
        while (waiting.isNotEmpty() && record.journal.offer(waiting.first())) waiting.removeFirst()
        return waiting.isEmpty()
    }

    private fun append(line: ReplayLine) {
        waiting += JournalEntry.Line(game ?: return, seq++, line)
    }
}
