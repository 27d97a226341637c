package dev.partyline.server.http.api

import dev.partyline.server.base.Clock
import dev.partyline.server.store.Account
import dev.partyline.server.store.AccountStore
import dev.partyline.server.store.Passwords
import dev.partyline.server.store.StoreSecrets
import io.ktor.http.HttpStatusCode
import io.ktor.server.plugins.origin
import io.ktor.server.response.respond
import io.ktor.server.routing.Route
import io.ktor.server.routing.delete
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import kotlinx.serialization.Serializable

private val NAME = Regex("[\\p{L}\\p{Nd}_.-]{3,32}")
private const val MIN_PASSWORD = 10
private const val MAX_PASSWORD = 200
private val LABEL = Regex("[\\p{L}\\p{Nd}_. -]{1,64}")

/** API.md's accounts (paths under `/api`): sign up, log in and out, who am I, and bearer tokens for scripts and bots. */
fun Route.accountRoutes(accounts: AccountStore, auth: ApiAuth, limiter: LoginLimiter, clock: Clock) {
    post("accounts") {
        val body = call.receiveJson()
        val name = body.text("name")
        val password = body.text("password")
        if (!name.matches(NAME)) throw ApiError.badRequest("a name has 3 to 32 letters, digits, '_', '.' or '-'", "name")
        val length = password.codePointCount(0, password.length)
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) throw ApiError.badRequest("a password has $MIN_PASSWORD to $MAX_PASSWORD characters", "password")
        val account = accounts.create(name, Passwords.hash(password), clock.now())
            ?: throw ApiError(HttpStatusCode.Conflict, "name_taken", "the name '$name' is taken", "name")
        auth.signIn(call, account)
        call.respondJson(HttpStatusCode.Created, Account.serializer(), account)
    }
    post("login") {
        val body = call.receiveJson()
        val name = body.text("name")
        val password = body.text("password")
        val address = call.request.origin.remoteAddress
        if (!limiter.allows(address, name)) throw ApiError(HttpStatusCode.TooManyRequests, "rate_limited", "too many failed logins; try again later", retryAfterSeconds = limiter.retryAfterSeconds)
        val found = accounts.credentials(name)
        if (!Passwords.matches(password, found?.second) || found == null) {
            limiter.failed(address, name)
            throw ApiError(HttpStatusCode.Unauthorized, "bad_credentials", "wrong name or password")
        }
        auth.signIn(call, found.first)
        call.respondJson(HttpStatusCode.OK, Account.serializer(), found.first)
    }
    post("logout") {
        auth.signOut(call)
        call.respond(HttpStatusCode.NoContent)
    }
    get("me") {
        call.respondJson(HttpStatusCode.OK, Account.serializer(), auth.require(call))
    }
    post("tokens") {
        val account = auth.require(call)
        val label = call.receiveJson().text("label").trim()
        if (!label.matches(LABEL)) throw ApiError.badRequest("a label has 1 to 64 letters, digits, spaces, '_', '.' or '-'", "label")
        val token = StoreSecrets.token()
        if (!accounts.addToken(account.id, label, StoreSecrets.hash(token), clock.now())) {
            throw ApiError(HttpStatusCode.Conflict, "name_taken", "you already have a token called '$label'", "label")
        }
        call.respondJson(HttpStatusCode.Created, NewToken.serializer(), NewToken(token))
    }
    delete("tokens/{label}") {
        val account = auth.require(call)
        if (!accounts.removeToken(account.id, call.parameters["label"].orEmpty())) throw ApiError.notFound("token")
        call.respond(HttpStatusCode.NoContent)
    }
}

/** A bearer token, shown once. */
@Serializable
private data class NewToken(val token: String)
