package dev.partyline.server.store

import org.jdbi.v3.core.Handle
import org.jdbi.v3.core.statement.Query
import java.sql.ResultSet
import java.util.Locale

/** [AccountStore] in SQL, the same on SQLite and PostgreSQL. */
class SqlAccountStore(private val db: Database) : AccountStore {
    override suspend fun create(name: String, passwordHash: String, now: Long): Account? {
        val account = Account(StoreSecrets.id(), name)
        return unlessTaken {
            db.transaction { h ->
                h.createUpdate("INSERT INTO accounts (id, name, name_key, password_hash, created_at) VALUES (:id, :name, :key, :hash, :now)")
                    .bind("id", account.id).bind("name", name).bind("key", key(name)).bind("hash", passwordHash).bind("now", now)
                    .execute()
            }
            account
        }
    }

    override suspend fun credentials(name: String): Pair<Account, String>? = db.transaction { h ->
        h.createQuery("SELECT id, name, password_hash FROM accounts WHERE name_key = :key").bind("key", key(name))
            .map { rs, _ -> account(rs) to rs.getString("password_hash") }.findOne().orElse(null)
    }

    override suspend fun openSession(account: String, tokenHash: String, now: Long, expiresAt: Long) {
        db.transaction { h ->
            h.createUpdate("DELETE FROM sessions WHERE account_id = :account AND expires_at <= :now").bind("account", account).bind("now", now).execute()
            h.createUpdate("INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (:hash, :account, :now, :expires)")
                .bind("hash", tokenHash).bind("account", account).bind("now", now).bind("expires", expiresAt).execute()
        }
    }

    override suspend fun session(tokenHash: String, now: Long): Account? = db.transaction { h ->
        h.accountWhere("JOIN sessions s ON s.account_id = a.id WHERE s.token_hash = :hash AND s.expires_at > :now") {
            bind("hash", tokenHash).bind("now", now)
        }
    }

    override suspend fun closeSession(tokenHash: String) {
        db.transaction { h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute() }
    }

    override suspend fun addToken(account: String, label: String, tokenHash: String, now: Long): Boolean = unlessTaken {
        db.transaction { h ->
            h.createUpdate("INSERT INTO api_tokens (token_hash, account_id, label, created_at) VALUES (:hash, :account, :label, :now)")
                .bind("hash", tokenHash).bind("account", account).bind("label", label).bind("now", now).execute()
        }
        true
    } ?: false

    override suspend fun token(tokenHash: String): Account? = db.transaction { h ->
        h.accountWhere("JOIN api_tokens t ON t.account_id = a.id WHERE t.token_hash = :hash") { bind("hash", tokenHash) }
    }

    override suspend fun removeToken(account: String, label: String): Boolean = db.transaction { h ->
        h.createUpdate("DELETE FROM api_tokens WHERE account_id = :account AND label = :label").bind("account", account).bind("label", label).execute() > 0
    }

    private fun Handle.accountWhere(clause: String, bind: Query.() -> Unit): Account? =
        createQuery("SELECT a.id, a.name FROM accounts a $clause").apply(bind).map { rs, _ -> account(rs) }.findOne().orElse(null)

    private fun account(rs: ResultSet) = Account(rs.getString("id"), rs.getString("name"))

    /** Runs [insert]; null when it failed on a unique constraint (a name or label already taken). */
    private suspend fun <T> unlessTaken(insert: suspend () -> T): T? = try {
        insert()
    } catch (e: Exception) {
        if (isUniqueViolation(e)) null else throw e
    }

    /** Names are unique ignoring case: each is also stored in lower case. */
    private fun key(name: String) = name.lowercase(Locale.ROOT)
}
