package dev.partyline.client

import dev.partyline.shared.protocol.ServerMessage
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.longOrNull

/**
 * One message from the server: [message] typed, [json] as it came and [text] as it was framed.
 * [seq] numbers the events of a room; [re] is the id of the request it answers.
 */
class Received(val message: ServerMessage, val json: JsonObject, val text: String) {
    val type: String get() = (json["type"] as? JsonPrimitive)?.content.orEmpty()
    val seq: Long? get() = (json["seq"] as? JsonPrimitive)?.longOrNull
    val re: JsonElement? get() = json["re"]

    override fun toString() = text
}

/**
 * A message of a [type] this client's codec does not decode: one a newer server added, or a
 * `room` snapshot of a game this client does not know (read its fields from [json]).
 */
data class UnknownMessage(val type: String, val json: JsonObject) : ServerMessage
