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

    /** A GET whose answer is kept as bytes (a download), with its status and headers. */
    fun download(path: String): Download {
        val response = http.send(request("GET", path, HttpRequest.BodyPublishers.noBody(), null, null), HttpResponse.BodyHandlers.ofByteArray())
        return Download(response.statusCode(), response.body(), ApiResponse(response.statusCode(), "", response.headers().map()))
    }

    /** A POST of [body] as [contentType] (a file upload), answered as JSON. */
    fun upload(path: String, body: ByteArray, contentType: String?, origin: String? = ownOrigin): ApiResponse {
        val response = http.send(request("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, origin), HttpResponse.BodyHandlers.ofString())
        return ApiResponse(response.statusCode(), response.body(), response.headers().map())
    }

    fun post(path: String, body: String? = "{}", origin: String? = ownOrigin): ApiResponse = send("POST", path, body, origin)

    fun put(path: String, body: String, origin: String? = ownOrigin): ApiResponse = send("PUT", path, body, origin)

    fun delete(path: String, origin: String? = ownOrigin): ApiResponse = send("DELETE", path, null, origin)

    /** Signs up as [name]; fails the spec unless it worked. */
    fun signUp(name: String, password: String = PASSWORD): ApiResponse =
        post("/api/accounts", """{"name":"$name","password":"$password"}""").also { check(it.status == 201) { "sign-up failed: ${it.text}" } }

    private fun send(method: String, path: String, body: String?, origin: String?): ApiResponse {
        val publisher = body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody()
        val response = http.send(request(method, path, publisher, body?.let { "application/json" }, origin), HttpResponse.BodyHandlers.ofString())
        return ApiResponse(response.statusCode(), response.body(), response.headers().map())
    }

    private fun request(method: String, path: String, body: HttpRequest.BodyPublisher, contentType: String?, origin: String?): HttpRequest =
        HttpRequest.newBuilder(URI("http://127.0.0.1:$port$path")).timeout(Duration.ofSeconds(10))
            .method(method, body)
            .apply {
                if (contentType != null) header("Content-Type", contentType)
                if (origin != null) header("Origin", origin)
                if (bearer != null) header("Authorization", "Bearer $bearer")
                if (session != null) header("Cookie", "partyline_session=$session")
            }.build()

    companion object {
        const val PASSWORD = "correct horse battery"
    }
}

/** A download: its status, its bytes, and its headers (read through [answer]). */
class Download(val status: Int, val bytes: ByteArray, val answer: ApiResponse) {
    fun header(name: String): String? = answer.header(name)
}

/** An API answer: status, body text, headers (names in lower case). */
data class ApiResponse(val status: Int, val text: String, val headers: Map<String, List<String>>) {
    val json: JsonObject get() = Json.parseToJsonElement(text).jsonObject

    fun header(name: String): String? = headers.entries.firstOrNull { it.key.equals(name, ignoreCase = true) }?.value?.firstOrNull()

    /** The error code of an error answer. */
    val errorCode: String get() = json.getValue("error").jsonObject.getValue("code").jsonPrimitive.content

    operator fun get(key: String): JsonElement? = json[key]
}
