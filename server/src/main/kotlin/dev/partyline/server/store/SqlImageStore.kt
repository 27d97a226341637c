package dev.partyline.server.store

/** [ImageStore] in SQL, the same on SQLite and PostgreSQL. */
class SqlImageStore(private val db: Database) : ImageStore {
    override suspend fun list(owner: String): List<ImageSummary> = db.transaction { h ->
        h.createQuery("SELECT id, content_type, width, height, byte_size, created_at FROM images WHERE owner_id = :owner ORDER BY created_at DESC, id")
            .bind("owner", owner)
            .map { rs, _ -> ImageSummary(rs.getString("id"), rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"), rs.getInt("byte_size"), rs.getLong("created_at")) }
            .list()
    }

    override suspend fun create(owner: String, facts: ImageFacts, content: ByteArray, now: Long, quotaBytes: Long): String? {
        val id = StoreSecrets.id()
        // One statement: the row goes in only while the owner's images, with it, fit the quota.
        val saved = db.transaction { h ->
            h.createUpdate(
                "INSERT INTO images (id, owner_id, content_type, width, height, byte_size, created_at, content) " +
                    "SELECT :id, :owner, :type, :width, :height, :size, :now, :content " +
                    "WHERE (SELECT COALESCE(SUM(byte_size), 0) FROM images WHERE owner_id = :owner) + :size <= :quota",
            ).bind("id", id).bind("owner", owner).bind("type", facts.type).bind("width", facts.width).bind("height", facts.height)
                .bind("size", content.size).bind("now", now).bind("content", content).bind("quota", quotaBytes).execute()
        }
        return id.takeIf { saved == 1 }
    }

    override suspend fun find(id: String): StoredImage? = db.transaction { h ->
        h.createQuery("SELECT id, owner_id, content_type, width, height, content FROM images WHERE id = :id").bind("id", id)
            .map { rs, _ ->
                StoredImage(rs.getString("id"), rs.getString("owner_id"), ImageFacts(rs.getString("content_type"), rs.getInt("width"), rs.getInt("height")), rs.getBytes("content"))
            }
            .findOne().orElse(null)
    }

    override suspend fun delete(owner: String, id: String): Boolean = db.transaction { h ->
        h.createUpdate("DELETE FROM images WHERE id = :id AND owner_id = :owner").bind("id", id).bind("owner", owner).execute() > 0
    }
}
