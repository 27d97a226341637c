package dev.partyline.server.room

import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.store.GameRecord
import dev.partyline.server.store.GameStore
import dev.partyline.server.store.JournalEntry
import dev.partyline.shared.game.Game
import dev.partyline.shared.game.replay.Replayer
import org.slf4j.LoggerFactory

/**
 * What a starting server finds of the rooms it did not close: each game not ended (in its lobby
 * or playing) is read from the store and folded into a [RoomRevival]; one that cannot be rebuilt
 * is [abandon]ed, so that its record ends there rather than waiting for every later start.
 */
class RoomRestart(private val store: GameStore, private val games: List<Game>, private val config: ServerConfig, private val clock: Clock) {
    private val replayer = Replayer(games)

    /** The rooms to rebuild, oldest game first. */
    suspend fun revivals(): List<RoomRevival> = store.running().mapNotNull { record ->
        val journal = store.journal(record.id)
        try {
            RoomRevival.of(record, journal, store.roomLog(record.id), store.lastRoomSeq(record.id), games, replayer, config)
        } catch (e: RoomRevival.Problem) {
            log.warn("game {} of room {} is not rebuilt: {}", record.id, record.room, e.message)
            abandon(record, started = journal.isNotEmpty())
            null
        }
    }

    /** Ends [record] now, as it stands, if its game had [started]; else its record goes: it will not be rebuilt. */
    suspend fun abandon(record: GameRecord, started: Boolean) {
        store.write(listOf(if (started) JournalEntry.Finish(record.id, clock.now(), record.players) else JournalEntry.Discard(record.id)))
    }

    private companion object {
        val log = LoggerFactory.getLogger(RoomRestart::class.java)
    }
}
