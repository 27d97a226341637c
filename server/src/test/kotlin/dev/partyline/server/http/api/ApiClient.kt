package dev.partyline.server.http.api

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.net.CookieManager
import java.net.CookiePolicy
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * A browser-like client of the HTTP API for specs: it keeps its cookies, and sends the server's
 * own `Origin` on every change unless told another ([origin] null sends none, as a script does).
 * It may start with a [session] cookie taken from another client, or with a [bearer] token.
 */
class ApiClient(private val port: Int, private val bearer: String? = null, private val session: String? = null) {
    private val cookies = CookieManager(null, CookiePolicy.ACCEPT_ALL)
    private val http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build()
    val ownOrigin = "http://127.0.0.1:$port"

    /** The session cookie's value as the server set it; null when there is none. */
    val sessionCookie: String? get() = cookies.cookieStore.cookies.firstOrNull { it.name == "partyline_session" }?.value

    fun get(path: String): ApiResponse = send("GET", path, null, null)

    fun post(path: String, body: String? = "{}", origin: String? = ownOrigin): ApiResponse = send("POST", path, body, origin)

    fun put(path: String, body: String, origin: String? = ownOrigin): ApiResponse = send("PUT", path, body, origin)

    fun delete(path: String, origin: String? = ownOrigin): ApiResponse = send("DELETE", path, null, origin)

    /** Signs up as [name]; fails the spec unless it worked. */
    fun signUp(name: String, password: String = PASSWORD): ApiResponse =
        post("/api/accounts", """{"name":"$name","password":"$password"}""").also { check(it.status == 201) { "sign-up failed: ${it.text}" } }

    private fun send(method: String, path: String, body: String?, origin: String?): ApiResponse {
        val publisher = body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody()
        val request = request(method, path, publisher, origin).apply { if (body != null) header("Content-Type", "application/json") }.build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        return ApiResponse(response.statusCode(), response.body(), response.headers().map())
    }

    /** POSTs [body] as it is, with Content-Type [type] (none when null): an upload. */
    fun upload(path: String, body: HttpRequest.BodyPublisher, type: String?, origin: String? = ownOrigin): ApiResponse {
        val request = request("POST", path, body, origin).apply { if (type != null) header("Content-Type", type) }.build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        return ApiResponse(response.statusCode(), response.body(), response.headers().map())
    }

    fun upload(path: String, bytes: ByteArray, type: String?, origin: String? = ownOrigin): ApiResponse =
        upload(path, HttpRequest.BodyPublishers.ofByteArray(bytes), type, origin)

    /** A `GET` (or [method]) whose body is kept as bytes, with [headers] added: a download. */
    fun download(path: String, method: String = "GET", headers: Map<String, String> = emptyMap()): ApiDownload {
        val request = request(method, path, HttpRequest.BodyPublishers.noBody(), null).apply { headers.forEach(::header) }.build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofByteArray())
        return ApiDownload(response.statusCode(), response.body(), response.headers().map())
    }

    private fun request(method: String, path: String, body: HttpRequest.BodyPublisher, origin: String?) =
        HttpRequest.newBuilder(URI("http://127.0.0.1:$port$path")).timeout(Duration.ofSeconds(10)).method(method, body).apply {
            if (origin != null) header("Origin", origin)
            if (bearer != null) header("Authorization", "Bearer $bearer")
            if (session != null) header("Cookie", "partyline_session=$session")
        }

    companion object {
        const val PASSWORD = "correct horse battery"
    }
}

/** An API answer: status, body text, headers (names in lower case). */
data class ApiResponse(val status: Int, val text: String, val headers: Map<String, List<String>>) {
    val json: JsonObject get() = Json.parseToJsonElement(text).jsonObject

    fun header(name: String): String? = headers.entries.firstOrNull { it.key.equals(name, ignoreCase = true) }?.value?.firstOrNull()

    /** The error code of an error answer. */
    val errorCode: String get() = json.getValue("error").jsonObject.getValue("code").jsonPrimitive.content

    operator fun get(key: String): JsonElement? = json[key]
}

/** A downloaded file: status, bytes, headers (names in lower case). */
class ApiDownload(val status: Int, val bytes: ByteArray, val headers: Map<String, List<String>>) {
    fun header(name: String): String? = headers.entries.firstOrNull { it.key.equals(name, ignoreCase = true) }?.value?.firstOrNull()
}
