package dev.partyline.server.http

import dev.partyline.server.http.api.ApiError
import dev.partyline.server.http.api.respondError
import dev.partyline.server.transport.ChannelAdmission
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.createApplicationPlugin
import io.ktor.server.response.header

/**
 * An HTTP request on a connection over its address's allowance of new connections is answered
 * `429 rate_limited` and the connection closed. (A WebSocket upgrade never reaches Ktor: it is
 * turned away in the protocol's words, `error` and `goodbye`, as over TCP.)
 */
val HttpAdmission = createApplicationPlugin("HttpAdmission") {
    onCall { call ->
        if (ChannelAdmission.admitted(call)) return@onCall
        call.response.header(HttpHeaders.Connection, "close")
        call.respondError(ApiError(HttpStatusCode.TooManyRequests, "rate_limited", "too many new connections from your address; try again in a few seconds", retryAfterSeconds = RETRY_SECONDS))
    }
}

private const val RETRY_SECONDS = 5
