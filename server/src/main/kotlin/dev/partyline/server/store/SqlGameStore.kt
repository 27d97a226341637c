package dev.partyline.server.store

import dev.partyline.shared.game.replay.ReplayLine
import org.jdbi.v3.core.Handle
import java.sql.ResultSet

/** [GameStore] in SQL, the same on SQLite and PostgreSQL. */
class SqlGameStore(private val db: Database) : GameStore {
    override suspend fun write(entries: List<JournalEntry>) = db.transaction { h ->
        for (entry in entries) {
            when (entry) {
                is JournalEntry.Begin -> begin(h, entry.record)
                is JournalEntry.Line -> h.createUpdate("INSERT INTO journal (game_id, seq, line) VALUES (:game, :seq, :line) ON CONFLICT DO NOTHING")
                    .bind("game", entry.game).bind("seq", entry.seq)
                    .bind("line", ReplayLine.json.encodeToString(ReplayLine.serializer(), entry.line)).execute()
                is JournalEntry.Finish -> h.createUpdate("UPDATE games SET ended_at = :ended, players = :players WHERE id = :id")
                    .bind("ended", entry.endedAt).bind("players", entry.players).bind("id", entry.game).execute()
            }
        }
    }

    private fun begin(h: Handle, r: GameRecord) {
        h.createUpdate(
            "INSERT INTO games (id, room, game, title, owner_id, key_hash, header, players, started_at) " +
                "VALUES (:id, :room, :game, :title, :owner, :key, :header, :players, :started) ON CONFLICT DO NOTHING",
        ).bind("id", r.id).bind("room", r.room).bind("game", r.game).bind("title", r.title).bind("owner", r.owner).bind("key", r.keyHash)
            .bind("header", r.header).bind("players", r.players).bind("started", r.startedAt).execute()
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
