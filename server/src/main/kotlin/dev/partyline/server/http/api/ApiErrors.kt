package dev.partyline.server.http.api

import dev.partyline.server.store.StoreUnavailable
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.Application
import io.ktor.server.application.ApplicationCall
import io.ktor.server.application.install
import io.ktor.server.plugins.statuspages.StatusPages
import io.ktor.server.request.path
import io.ktor.server.response.header
import org.slf4j.LoggerFactory

private val log = LoggerFactory.getLogger("dev.partyline.server.http.api")

/**
 * Answers every failure of an API call with API.md's error body: an [ApiError] as it says, a
 * database that is down with `503`, anything else with `500 internal_error` — logged with the
 * path, never shown (no stack trace, no SQL).
 */
fun Application.installApiErrors() {
    install(StatusPages) {
        exception<ApiError> { call, e -> call.respondError(e) }
        exception<StoreUnavailable> { call, e ->
            log.warn("{} {}: {}", call.request.local.method.value, call.request.path(), e.message)
            call.respondError(ApiError(HttpStatusCode.ServiceUnavailable, "internal_error", "the database is not answering; nothing was changed, try again in a moment"))
        }
        exception<Throwable> { call, e ->
            log.error("{} {} failed", call.request.local.method.value, call.request.path(), e)
            call.respondError(ApiError(HttpStatusCode.InternalServerError, "internal_error", "something went wrong on the server; nothing was changed"))
        }
    }
}

suspend fun ApplicationCall.respondError(e: ApiError) {
    e.retryAfterSeconds?.let { response.header(HttpHeaders.RetryAfter, it) }
    respondJson(e.status, ApiError.Body.serializer(), e.body())
}
