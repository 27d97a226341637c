package dev.partyline.server.room

import dev.partyline.server.store.GameRecord
import dev.partyline.server.store.JournalEntry
import dev.partyline.server.store.RoomEvent
import dev.partyline.server.store.StoreSecrets
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.replay.ReplayHeader
import dev.partyline.shared.game.replay.ReplayLine
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec

/**
 * A room's journal: from the room's opening, the log of who is in it, and from the game's start
 * every input its rules accept, with the time they took it; both handed to the recording's
 * journal as [JournalEntry]s, each noting the room's message number ([roomSeq]). Offering never
 * waits: when the writer's queue is full, entries wait here, in order, and go at the next
 * [flush]. Part of a [RoomActor], used only from its loop.
 */
internal class RoomJournal(
    private val record: RoomRecording,
    private val codec: WireCodec,
    private val settings: RoomSettings,
    private val roomSeq: () -> Long,
) {
    /** Who created the room: their `game_over` carries the [report] link. */
    val creator: PlayerId get() = record.creator

    private val waiting = ArrayDeque<JournalEntry>()
    private var game: String? = null
    private var seq = 0
    private var logged = 0
    private var keyHash: String? = null

    /** The link to the game's report: an account's own, or with the capability key for an anonymous host; null before the room opens. */
    var report: String? = null
        private set

    /** The room opened at [at]: the game's record and the room's log begin (its members are logged as they are [seated]). */
    fun open(at: Long) {
        val id = StoreSecrets.id()
        link(id)
        val header = ReplayLine.json.encodeToString(ReplayHeader.serializer(), record.header)
        waiting += JournalEntry.Begin(
            GameRecord(id, record.header.room.orEmpty(), record.header.game, record.title, record.account, keyHash, header, 0, at),
        )
        log(RoomEvent.Opened(settings.options, record.creator.value))
    }

    /** The game started at [at] with [seats]: its first line. */
    fun begin(seats: List<Seat>, at: Long) {
        waiting += JournalEntry.Start(game ?: return, at, seats.size)
        append(ReplayLine.start(seats, at))
    }

    /**
     * Goes on with game [id] of a room rebuilt after a restart, whose journal has [lines] lines
     * (none while in its lobby) and whose room log has [logged] entries. An anonymous host's key
     * is drawn anew: the old one is kept only as a hash, and no one has been given it before the
     * `game_over`.
     */
    fun resume(id: String, lines: Int, logged: Int) {
        link(id)
        seq = lines
        this.logged = logged
    }

    /** The rules accepted [input] at [at]. */
    fun record(input: GameInput, at: Long) = append(ReplayLine.of(input, at, codec))

    /** [member] is now in the room. */
    fun seated(member: Member) = log(
        RoomEvent.Seated(
            member.player.value, member.name, member.bot, member.role, member.tokenHash, (member.outbox as? ServerBot)?.skill,
        ),
    )

    /** [player] took over as host. */
    fun host(player: PlayerId) = log(RoomEvent.Host(player.value))

    /** [player] left the room; [banned] when removed by the host for good. */
    fun gone(player: PlayerId, banned: Boolean) = log(RoomEvent.Gone(player.value, banned))

    /** The game ended at [at], with [players] taking part in all. */
    fun finish(at: Long, players: Int) {
        waiting += JournalEntry.Finish(game ?: return, at, players, keyHash)
    }

    /** The room closed before its game started: its record goes. */
    fun discard() {
        waiting += JournalEntry.Discard(game ?: return)
    }

    /** Offers the waiting entries, in order, while the writer takes them; true when none is left. */
    fun flush(): Boolean {
        while (waiting.isNotEmpty() && record.journal.offer(waiting.first())) waiting.removeFirst()
        return waiting.isEmpty()
    }

    private fun link(id: String) {
        game = id
        val key = if (record.account == null) StoreSecrets.id() else null
        keyHash = key?.let(StoreSecrets::hash)
        report = "/api/games/$id" + (key?.let { "?key=$it" } ?: "")
    }

    private fun append(line: ReplayLine) {
        waiting += JournalEntry.Line(game ?: return, seq++, line, roomSeq())
    }

    private fun log(event: RoomEvent) {
        waiting += JournalEntry.Room(game ?: return, logged++, event, roomSeq())
    }
}
