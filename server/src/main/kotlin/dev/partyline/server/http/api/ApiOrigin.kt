package dev.partyline.server.http.api

import dev.partyline.server.store.AccountStore
import dev.partyline.server.transport.ws.OriginPolicy
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpMethod
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.createRouteScopedPlugin

/**
 * CSRF protection for the API: a `POST`, `PUT`, `PATCH` or `DELETE` must come from a page of the
 * server's own origin or an allowed one (`403 bad_origin`). Without `Origin` it is not from a
 * browser page, and passes only without a session cookie (scripts sign in with a bearer token).
 */
val ApiOrigin = createRouteScopedPlugin("ApiOrigin", ::ApiOriginConfig) {
    val policy = pluginConfig.policy
    onCall { call ->
        if (call.request.local.method !in CHANGING) return@onCall
        val origin = call.request.headers[HttpHeaders.Origin]
        val allowed = if (origin == null) call.request.cookies[AccountStore.SESSION_COOKIE] == null else policy.permits(origin, call.request.headers[HttpHeaders.Host])
        if (!allowed) throw ApiError(HttpStatusCode.Forbidden, "bad_origin", "this request must come from a page of this server")
    }
}

private val CHANGING = setOf(HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete)

/** Which origins [ApiOrigin] lets change things besides the server's own. */
class ApiOriginConfig {
    var policy = OriginPolicy(emptyList())
}
