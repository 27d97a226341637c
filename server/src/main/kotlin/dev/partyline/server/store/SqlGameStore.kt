package dev.partyline.server.store

import dev.partyline.shared.game.replay.ReplayLine
import java.sql.ResultSet

/** [GameStore] in SQL, the same on SQLite and PostgreSQL. */
class SqlGameStore(private val db: Database) : GameStore {
    /**
     * One prepared batch a kind: the games begun, then the lines and room-log entries, then the
     * games finished, which keeps every line after its game's row whatever order the entries came in.
     */
    override suspend fun write(entries: List<JournalEntry>) = db.transaction { h ->
        val begun = entries.filterIsInstance<JournalEntry.Begin>()
        if (begun.isNotEmpty()) {
            val batch = h.prepareBatch(
                "INSERT INTO games (id, room, game, title, owner_id, key_hash, header, players, started_at) " +
                    "VALUES (:id, :room, :game, :title, :owner, :key, :header, :players, :started) ON CONFLICT DO NOTHING",
            )
            for (r in begun.map { it.record }) {
                batch.bind("id", r.id).bind("room", r.room).bind("game", r.game).bind("title", r.title).bind("owner", r.owner)
                    .bind("key", r.keyHash).bind("header", r.header).bind("players", r.players).bind("started", r.startedAt).add()
            }
            batch.execute()
        }
        val lines = entries.filterIsInstance<JournalEntry.Line>()
        if (lines.isNotEmpty()) {
            val batch = h.prepareBatch(
                "INSERT INTO journal (game_id, seq, line, room_seq) VALUES (:game, :seq, :line, :roomSeq) ON CONFLICT DO NOTHING",
            )
            for (l in lines) {
                batch.bind("game", l.game).bind("seq", l.seq).bind("line", ReplayLine.json.encodeToString(ReplayLine.serializer(), l.line))
                    .bind("roomSeq", l.roomSeq).add()
            }
            batch.execute()
        }
        val logged = entries.filterIsInstance<JournalEntry.Room>()
        if (logged.isNotEmpty()) {
            val batch = h.prepareBatch(
                "INSERT INTO room_log (game_id, seq, entry, room_seq) VALUES (:game, :seq, :entry, :roomSeq) ON CONFLICT DO NOTHING",
            )
            for (r in logged) {
                batch.bind("game", r.game).bind("seq", r.seq).bind("entry", RoomEvent.json.encodeToString(RoomEvent.serializer(), r.event))
                    .bind("roomSeq", r.roomSeq).add()
            }
            batch.execute()
        }
        val finished = entries.filterIsInstance<JournalEntry.Finish>()
        if (finished.isNotEmpty()) {
            val batch = h.prepareBatch(
                "UPDATE games SET ended_at = :ended, players = :players, key_hash = COALESCE(:key, key_hash) WHERE id = :id",
            )
            for (f in finished) batch.bind("ended", f.endedAt).bind("players", f.players).bind("key", f.keyHash).bind("id", f.game).add()
            batch.execute()
        }
    }

    override suspend fun hostedBy(owner: String): List<GameRecord> = db.transaction { h ->
        h.createQuery("SELECT $COLUMNS FROM games WHERE owner_id = :owner ORDER BY started_at DESC, id LIMIT $LIST")
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
        ).bind("id", id).mapTo(java.lang.Long::class.java).findOne().map { it.toLong() }.orElse(0L)
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
    }
}
