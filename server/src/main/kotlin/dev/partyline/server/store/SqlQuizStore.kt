package dev.partyline.server.store

import org.jdbi.v3.core.statement.SqlStatement

/** [QuizStore] in SQL, the same on SQLite and PostgreSQL. */
class SqlQuizStore(private val db: Database) : QuizStore {
    override suspend fun list(owner: String): List<QuizSummary> = db.transaction { h ->
        h.createQuery("SELECT id, title, question_count, visibility, version, updated_at FROM quizzes WHERE owner_id = :owner ORDER BY updated_at DESC, id")
            .bind("owner", owner)
            .map { rs, _ -> QuizSummary(rs.getString("id"), rs.getString("title"), rs.getInt("question_count"), rs.getString("visibility"), rs.getInt("version"), rs.getLong("updated_at")) }
            .list()
    }

    override suspend fun listPublic(): List<PublicQuiz> = db.transaction { h ->
        h.createQuery(
            "SELECT q.id, q.title, q.question_count, a.name FROM quizzes q JOIN accounts a ON a.id = q.owner_id " +
                "WHERE q.visibility = 'public' ORDER BY q.updated_at DESC, q.id LIMIT $PUBLIC_LIST",
        ).map { rs, _ -> PublicQuiz(rs.getString("id"), rs.getString("title"), rs.getInt("question_count"), rs.getString("name")) }.list()
    }

    override suspend fun create(owner: String, facts: QuizFacts, document: String, now: Long): String {
        val id = StoreSecrets.id()
        db.transaction { h ->
            h.createUpdate(
                "INSERT INTO quizzes (id, owner_id, title, visibility, question_count, version, document, created_at, updated_at) " +
                    "VALUES (:id, :owner, :title, :visibility, :questions, 1, :document, :now, :now)",
            ).bind("id", id).bind("owner", owner).bindFacts(facts).bind("document", document).bind("now", now).execute()
        }
        return id
    }

    override suspend fun find(id: String): SavedQuiz? = db.transaction { h ->
        h.createQuery("SELECT id, owner_id, visibility, version, document FROM quizzes WHERE id = :id").bind("id", id)
            .map { rs, _ -> SavedQuiz(rs.getString("id"), rs.getString("owner_id"), rs.getString("visibility"), rs.getInt("version"), rs.getString("document")) }
            .findOne().orElse(null)
    }

    override suspend fun update(owner: String, id: String, version: Int, facts: QuizFacts, document: String, now: Long): QuizUpdate = db.transaction { h ->
        val saved = h.createUpdate(
            "UPDATE quizzes SET title = :title, visibility = :visibility, question_count = :questions, document = :document, " +
                "version = version + 1, updated_at = :now WHERE id = :id AND owner_id = :owner AND version = :version",
        ).bindFacts(facts).bind("document", document).bind("now", now).bind("id", id).bind("owner", owner).bind("version", version).execute()
        if (saved == 1) return@transaction QuizUpdate.Saved(version + 1)
        val current = h.createQuery("SELECT version FROM quizzes WHERE id = :id AND owner_id = :owner").bind("id", id).bind("owner", owner)
            .mapTo(Int::class.javaObjectType).findOne().orElse(null)
        if (current == null) QuizUpdate.NotFound else QuizUpdate.Conflict(current)
    }

    override suspend fun delete(owner: String, id: String): Boolean = db.transaction { h ->
        h.createUpdate("DELETE FROM quizzes WHERE id = :id AND owner_id = :owner").bind("id", id).bind("owner", owner).execute() > 0
    }

    private fun <S : SqlStatement<S>> S.bindFacts(facts: QuizFacts): S =
        bind("title", facts.title).bind("visibility", facts.visibility).bind("questions", facts.questions)

    private companion object {
        const val PUBLIC_LIST = 200
    }
}
