package dev.partyline.server.http.api

import dev.partyline.server.base.Clock
import dev.partyline.server.store.Account
import dev.partyline.server.store.AccountStore
import dev.partyline.server.store.StoreSecrets
import io.ktor.http.Cookie
import io.ktor.http.CookieEncoding
import io.ktor.http.HttpHeaders
import io.ktor.server.application.ApplicationCall

/**
 * Who is calling: the account of the session cookie or of an `Authorization: Bearer` token.
 * Sessions last [sessionMillis]; their cookie is `Secure` when the request came over HTTPS
 * (as the request says, or a trusted proxy's `X-Forwarded-Proto` when [trustProxy]).
 */
class ApiAuth(private val accounts: AccountStore, private val clock: Clock, private val trustProxy: Boolean, private val sessionMillis: Long = SESSION_MILLIS) {
    /** The calling account, or null. */
    suspend fun account(call: ApplicationCall): Account? {
        sessionToken(call)?.let { return accounts.session(StoreSecrets.hash(it), clock.now()) }
        val bearer = call.request.headers[HttpHeaders.Authorization]?.takeIf { it.startsWith(BEARER, ignoreCase = true) } ?: return null
        return accounts.token(StoreSecrets.hash(bearer.substring(BEARER.length).trim()))
    }

    /** The calling account, or `401 not_signed_in`. */
    suspend fun require(call: ApplicationCall): Account = account(call) ?: throw ApiError.notSignedIn()

    /** Opens a session for [account] and sets its cookie. */
    suspend fun signIn(call: ApplicationCall, account: Account) {
        val token = StoreSecrets.token()
        val now = clock.now()
        accounts.openSession(account.id, StoreSecrets.hash(token), now, now + sessionMillis)
        call.response.cookies.append(cookie(call, token, (sessionMillis / 1000).toInt()))
    }

    /** Revokes the caller's session on the server and clears its cookie. */
    suspend fun signOut(call: ApplicationCall) {
        sessionToken(call)?.let { accounts.closeSession(StoreSecrets.hash(it)) }
        call.response.cookies.append(cookie(call, "", 0))
    }

    fun sessionToken(call: ApplicationCall): String? = call.request.cookies[AccountStore.SESSION_COOKIE]?.takeIf { it.isNotEmpty() }

    private fun cookie(call: ApplicationCall, value: String, maxAge: Int) = Cookie(
        name = AccountStore.SESSION_COOKIE, value = value, maxAge = maxAge, path = "/", httpOnly = true, secure = overHttps(call),
        extensions = mapOf("SameSite" to "Lax"), encoding = CookieEncoding.RAW, // the token is URL-safe already
    )

    private fun overHttps(call: ApplicationCall): Boolean =
        call.request.local.scheme == "https" || trustProxy && call.request.headers["X-Forwarded-Proto"].equals("https", ignoreCase = true)

    companion object {
        private const val BEARER = "Bearer "
        private const val SESSION_MILLIS = 30L * 24 * 3600 * 1000
    }
}
