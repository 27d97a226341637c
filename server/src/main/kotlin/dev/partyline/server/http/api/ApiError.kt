package dev.partyline.server.http.api

import io.ktor.http.HttpStatusCode
import kotlinx.serialization.Serializable

/**
 * A request the API refuses: its status and one of API.md's codes, with a message for people and,
 * when one field is wrong, its name. Thrown anywhere in a handler; [installApiErrors] answers it.
 */
class ApiError(
    val status: HttpStatusCode,
    val code: String,
    message: String,
    val field: String? = null,
    /** Seconds to wait before trying again, sent as `Retry-After`. */
    val retryAfterSeconds: Int? = null,
    /** Each line of an imported file at fault, when the request was one. */
    val lines: List<Line>? = null,
) : RuntimeException(message) {
    /** The body every error has: `{"error":{"code","message","field"?,"lines"?}}`. */
    @Serializable
    data class Body(val error: Detail)

    @Serializable
    data class Detail(val code: String, val message: String, val field: String? = null, val lines: List<Line>? = null)

    /** A line of an imported file at fault: its number, the column (a letter) when one is, and what is wrong, naming both. */
    @Serializable
    data class Line(val line: Int, val message: String, val column: String? = null)

    fun body(): Body = Body(Detail(code, message ?: code, field, lines))

    companion object {
        fun badRequest(message: String, field: String? = null) = ApiError(HttpStatusCode.BadRequest, "bad_request", message, field)

        fun notSignedIn() = ApiError(HttpStatusCode.Unauthorized, "not_signed_in", "sign in first")

        fun notFound(what: String) = ApiError(HttpStatusCode.NotFound, "not_found", "no such $what")

        fun tooLarge(message: String) = ApiError(HttpStatusCode.PayloadTooLarge, "too_large", message)

        fun unsupportedMediaType(message: String) = ApiError(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", message)
    }
}
