package dev.partyline.server.store

import dev.partyline.shared.game.replay.ReplayLine
import org.jdbi.v3.core.Handle
import org.jdbi.v3.core.statement.PreparedBatch
import java.sql.ResultSet

/** [GameStore] in SQL, the same on SQLite and PostgreSQL. */
class SqlGameStore(private val db: Database) : GameStore {
    /**
     * One prepared batch a kind: the games begun, then started, then the lines and room-log
     * entries, then the games finished or discarded, which keeps every line after its game's row
     * whatever order the entries came in.
     */
    override suspend fun write(entries: List<JournalEntry>) = db.transaction { h ->
        h.batch(
            "INSERT INTO games (id, room, game, title, owner_id, key_hash, header, players, started_at) " +
                "VALUES (:id, :room, :game, :title, :owner, :key, :header, :players, :started) ON CONFLICT DO NOTHING",
            entries.filterIsInstance<JournalEntry.Begin>().map { it.record },
        ) { r ->
            bind("id", r.id).bind("room", r.room).bind("game", r.game).bind("title", r.title).bind("owner", r.owner)
                .bind("key", r.keyHash).bind("header", r.header).bind("players", r.players).bind("started", r.startedAt)
        }
        h.batch("UPDATE games SET started_at = :started, players = :players WHERE id = :id", entries.filterIsInstance<JournalEntry.Start>()) { g ->
            bind("started", g.startedAt).bind("players", g.players).bind("id", g.game)
        }
        h.batch(
            "INSERT INTO journal (game_id, seq, line, room_seq) VALUES (:game, :seq, :line, :roomSeq) ON CONFLICT DO NOTHING",
            entries.filterIsInstance<JournalEntry.Line>(),
        ) { l ->
            bind("game", l.game).bind("seq", l.seq).bind("line", ReplayLine.json.encodeToString(LINE, l.line)).bind("roomSeq", l.roomSeq)
        }
        h.batch(
            "INSERT INTO room_log (game_id, seq, entry, room_seq) VALUES (:game, :seq, :entry, :roomSeq) ON CONFLICT DO NOTHING",
            entries.filterIsInstance<JournalEntry.Room>(),
        ) { r ->
            bind("game", r.game).bind("seq", r.seq).bind("entry", RoomEvent.json.encodeToString(ROOM_EVENT, r.event)).bind("roomSeq", r.roomSeq)
        }
        h.batch(
            "UPDATE games SET ended_at = :ended, players = :players, key_hash = COALESCE(:key, key_hash) WHERE id = :id",
            entries.filterIsInstance<JournalEntry.Finish>(),
        ) { f -> bind("ended", f.endedAt).bind("players", f.players).bind("key", f.keyHash).bind("id", f.game) }
        h.batch("DELETE FROM games WHERE id = :id", entries.filterIsInstance<JournalEntry.Discard>()) { d -> bind("id", d.game) }
    }

    /** Runs [sql] once for each of [rows], bound by [bind], as one prepared batch; nothing when there are none. */
    private fun <T> Handle.batch(sql: String, rows: List<T>, bind: PreparedBatch.(T) -> PreparedBatch) {
        if (rows.isEmpty()) return
        val batch = prepareBatch(sql)
        for (row in rows) batch.bind(row).add()
        batch.execute()
    }

    override suspend fun hostedBy(owner: String): List<GameRecord> = db.transaction { h ->
        h.createQuery("SELECT $COLUMNS FROM games WHERE owner_id = :owner AND $STARTED ORDER BY started_at DESC, id LIMIT $LIST")
            .bind("owner", owner).map { rs, _ -> record(rs) }.list()
    }

    override suspend fun find(id: String): GameRecord? = db.transaction { h ->
        h.createQuery("SELECT $COLUMNS FROM games WHERE id = :id").bind("id", id).map { rs, _ -> record(rs) }.findOne().orElse(null)
    }

    override suspend fun journal(id: String): List<String> = db.transaction { h ->
        h.createQuery("SELECT line FROM journal WHERE game_id = :id ORDER BY seq").bind("id", id).mapTo(String::class.java).list()
    }

    override suspend fun running(): List<GameRecord> = db.transaction { h ->
        h.createQuery("SELECT $COLUMNS FROM games WHERE ended_at IS NULL ORDER BY started_at, id").map { rs, _ -> record(rs) }.list()
    }

    override suspend fun roomLog(id: String): List<String> = db.transaction { h ->
        h.createQuery("SELECT entry FROM room_log WHERE game_id = :id ORDER BY seq").bind("id", id).mapTo(String::class.java).list()
    }

    override suspend fun lastRoomSeq(id: String): Long = db.transaction { h ->
        h.createQuery(
            "SELECT MAX(s) FROM (SELECT MAX(room_seq) AS s FROM journal WHERE game_id = :id " +
                "UNION ALL SELECT MAX(room_seq) AS s FROM room_log WHERE game_id = :id) AS marks",
        ).bind("id", id).map { rs, _ -> rs.getLong(1) }.one() // MAX of no rows is NULL, read as 0
    }

    private fun record(rs: ResultSet) = GameRecord(
        id = rs.getString("id"),
        room = rs.getString("room"),
        game = rs.getString("game"),
        title = rs.getString("title"),
        owner = rs.getString("owner_id"),
        keyHash = rs.getString("key_hash"),
        header = rs.getString("header"),
        players = rs.getInt("players"),
        startedAt = rs.getLong("started_at"),
        endedAt = rs.getLong("ended_at").takeUnless { rs.wasNull() },
    )

    private companion object {
        const val COLUMNS = "id, room, game, title, owner_id, key_hash, header, players, started_at, ended_at"
        const val LIST = 500

        /** A game whose room is still in its lobby has a record but no journal yet. */
        const val STARTED = "EXISTS (SELECT 1 FROM journal WHERE journal.game_id = games.id)"

        /** Made once: a sealed class's serializer() builds a new serializer on every call. */
        val LINE = ReplayLine.serializer()
        val ROOM_EVENT = RoomEvent.serializer()
    }
}
