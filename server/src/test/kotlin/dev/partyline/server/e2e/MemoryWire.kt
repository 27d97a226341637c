package dev.partyline.server.e2e

import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long

// Reading memory messages in specs: small accessors, a bounded wait for any message, room set-up.

/** The `cards` list of a `match`, `miss` or `hide`. */
fun JsonObject.cards(): List<Int> = this["cards"]!!.jsonArray.map { it.jsonPrimitive.int }

/** A string field that may be null or absent. */
fun JsonObject.optional(key: String): String? = (this[key] as? JsonPrimitive)?.takeIf { it != JsonNull }?.content

/** The seq of a room event, or null for a direct reply. */
val JsonObject.seq: Long? get() = (this["seq"] as? JsonPrimitive)?.long

/** A nested object field. */
fun JsonObject.obj(key: String): JsonObject = this[key]!!.jsonObject

/** An object of card index to face (`faceUp`, `found`) as a map. */
fun JsonObject.faces(key: String): Map<Int, String> = obj(key).entries.associate { (k, v) -> k.toInt() to v.jsonPrimitive.content }

/** The next message (of any type) for which [where] holds, within [timeoutMs]; others are skipped. */
suspend fun TestClient.await(timeoutMs: Long = 3000, where: (JsonObject) -> Boolean): JsonObject = withTimeout(timeoutMs) {
    var message = next(timeoutMs)
    while (!where(message)) message = next(timeoutMs)
    message
}

/** Everything [client] received so far, parsed. */
fun received(client: TestClient): List<JsonObject> = client.recorded.map { Json.parseToJsonElement(it).jsonObject }

/** Opens a memory room with [options] (a JSON object body); returns its code. */
suspend fun TestClient.createMemory(options: String): String {
    send("""{"type":"create","game":"memory","options":$options}""")
    return expect("room").str("code")
}

/** Joins room [code] as [role] and returns the snapshot. */
suspend fun TestClient.joinRoom(code: String, role: String = "player"): JsonObject {
    send("""{"type":"join","room":"$code","as":"$role"}""")
    return expect("room")
}
