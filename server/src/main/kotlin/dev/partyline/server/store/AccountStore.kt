package dev.partyline.server.store

/**
 * Accounts, their browser sessions and their bearer tokens. Secrets reach it only as hashes
 * ([StoreSecrets.hash]); names are unique ignoring case.
 */
interface AccountStore {
    /** Creates an account; null when the name is taken. */
    suspend fun create(name: String, passwordHash: String, now: Long): Account?

    /** The account called [name] (in any case) and its password hash; null when there is none. */
    suspend fun credentials(name: String): Pair<Account, String>?

    /** Opens a session for [account], valid until [expiresAt]. */
    suspend fun openSession(account: String, tokenHash: String, now: Long, expiresAt: Long)

    /** The account of an open session; null for an unknown, revoked or expired one. */
    suspend fun session(tokenHash: String, now: Long): Account?

    suspend fun closeSession(tokenHash: String)

    /** Adds a bearer token called [label]; false when [account] already has one of that label. */
    suspend fun addToken(account: String, label: String, tokenHash: String, now: Long): Boolean

    /** The account a bearer token belongs to; null when it is unknown or revoked. */
    suspend fun token(tokenHash: String): Account?

    /** Revokes [account]'s token called [label]; false when it has none. */
    suspend fun removeToken(account: String, label: String): Boolean

    companion object {
        /** The cookie that carries a browser's session token, to the API and on the WebSocket's upgrade. */
        const val SESSION_COOKIE = "partyline_session"
    }
}
