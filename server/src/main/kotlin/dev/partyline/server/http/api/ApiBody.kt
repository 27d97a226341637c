package dev.partyline.server.http.api

import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.ApplicationCall
import io.ktor.server.request.receiveChannel
import io.ktor.server.response.respondText
import io.ktor.utils.io.readRemaining
import kotlinx.io.readByteArray
import kotlinx.serialization.KSerializer
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.contentOrNull

/** The largest JSON body the API reads (API.md: 256 KiB). */
const val MAX_JSON_BYTES = 256 * 1024

/**
 * The request's body, at most [limit] bytes: a larger one is `413 too_large`, refused by its
 * `Content-Length` before anything is read, or as soon as it grows past the limit.
 */
suspend fun ApplicationCall.receiveBytes(limit: Int): ByteArray {
    val declared = request.headers["Content-Length"]?.toLongOrNull()
    if (declared != null && declared > limit) throw tooLarge(limit)
    val bytes = receiveChannel().readRemaining(limit + 1L).readByteArray()
    if (bytes.size > limit) throw tooLarge(limit)
    return bytes
}

/** The request's body as a JSON object, or `400 bad_request`. */
suspend fun ApplicationCall.receiveJson(): JsonObject {
    val text = receiveBytes(MAX_JSON_BYTES).decodeToString()
    return runCatching { Json.parseToJsonElement(text) }.getOrNull() as? JsonObject
        ?: throw ApiError.badRequest("the body must be a JSON object")
}

/** Answers [value] as JSON with [status]. */
suspend fun <T> ApplicationCall.respondJson(status: HttpStatusCode, serializer: KSerializer<T>, value: T) =
    respondText(API_JSON.encodeToString(serializer, value), ContentType.Application.Json, status)

/** How the API writes JSON: absent optional fields are left out rather than written as null. */
val API_JSON = Json { explicitNulls = false }

/** The string [field] of a request, or `400 bad_request` naming it. */
fun JsonObject.text(field: String): String =
    (this[field] as? JsonPrimitive)?.takeIf { it.isString }?.contentOrNull ?: throw ApiError.badRequest("'$field' must be a string", field)

/** A JSON value's text when it is a string, else null. */
fun JsonElement?.textOrNull(): String? = (this as? JsonPrimitive)?.takeIf { it.isString }?.contentOrNull

private fun tooLarge(limit: Int): ApiError =
    ApiError.tooLarge("the body may hold at most " + if (limit % MIB == 0) "${limit / MIB} MiB" else "${limit / 1024} KiB")

/** A mebibyte, the unit of the API's larger limits. */
const val MIB = 1024 * 1024
