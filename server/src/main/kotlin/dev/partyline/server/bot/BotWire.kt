package dev.partyline.server.bot

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.intOrNull
import kotlinx.serialization.json.jsonPrimitive

// Reading the server's JSON leniently: a bot skips what it does not understand instead of failing.

internal val JsonObject.type: String? get() = string("type")

internal fun JsonObject.string(key: String): String? = (this[key] as? JsonPrimitive)?.takeIf { it != JsonNull }?.content

internal fun JsonObject.int(key: String): Int? = (this[key] as? JsonPrimitive)?.intOrNull

internal fun JsonObject.bool(key: String): Boolean = string(key) == "true"

internal fun JsonObject.obj(key: String): JsonObject? = this[key] as? JsonObject

internal fun JsonObject.ints(key: String): List<Int> = (this[key] as? JsonArray)?.mapNotNull { it.jsonPrimitive.intOrNull }.orEmpty()

/** An object of card index → face (`faceUp`, `found`). */
internal fun JsonObject.faces(key: String): Map<Int, String> =
    obj(key)?.entries?.mapNotNull { (k, v) -> k.toIntOrNull()?.let { card -> (v as? JsonPrimitive)?.content?.let { card to it } } }?.toMap().orEmpty()
