package dev.partyline.shared.protocol

import kotlinx.serialization.ExperimentalSerializationApi
import kotlinx.serialization.KSerializer
import kotlinx.serialization.PolymorphicSerializer
import kotlinx.serialization.SerialName
import kotlinx.serialization.SerializationException
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.StructureKind
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.modules.SerializersModule
import kotlinx.serialization.modules.plus

/** A decoded client line or frame: a message, or why it was refused. [id] is echoed as `re`. */
sealed interface Decoded {
    val id: JsonElement?

    data class Message(val message: ClientMessage, override val id: JsonElement?) : Decoded
    data class Refused(val rejection: Rejection, override val id: JsonElement?) : Decoded
}

/**
 * Turns text into client messages and server messages into text (and, for clients, the other
 * way round), for the core protocol plus the moves and events of every [extensions] (each
 * game's). `seq` and `re` are spliced into encoded text so a room event is encoded once for all
 * its recipients.
 */
class WireCodec(extensions: List<WireExtension>) {
    @OptIn(ExperimentalSerializationApi::class)
    val json: Json = Json(WireFormat.json) {
        serializersModule = extensions.fold(coreServerMessages as SerializersModule) { acc, g -> acc + g.events }
        maxNestingDepth = Limits.MAX_NESTING
    }

    private val clientTypes: Map<String, KSerializer<out ClientMessage>> =
        CoreClientMessages.serializers + extensions.flatMap { it.moves.entries }.associate { it.key to it.value }

    private val serverSerializer = PolymorphicSerializer(ServerMessage::class)

    fun decode(text: String): Decoded {
        val element = try {
            json.parseToJsonElement(text)
        } catch (e: SerializationException) {
            return refused(ErrorCode.BAD_JSON, "not valid JSON: ${brief(e)}", null)
        }
        StrictJson.badLiteral(element)?.let { return refused(ErrorCode.BAD_JSON, "not valid JSON: '${it.take(20)}' is not a JSON value", null) }
        val obj = element as? JsonObject ?: return refused(ErrorCode.BAD_REQUEST, "a message is a JSON object", null)
        val rawId = obj["id"]
        val id = rawId?.let { it as? JsonPrimitive }?.takeIf { (it.isString || it.content.toDoubleOrNull() != null) && it.content.length <= Limits.MAX_ID_CHARS }
        if (rawId != null && id == null) {
            return refused(ErrorCode.BAD_REQUEST, "'id' must be a string or number of at most ${Limits.MAX_ID_CHARS} characters", null)
        }
        val type = (obj["type"] as? JsonPrimitive)?.takeIf { it.isString }?.content
            ?: return refused(ErrorCode.BAD_REQUEST, "a message needs a string field 'type'", id)
        val serializer = clientTypes[type] ?: return refused(ErrorCode.UNKNOWN_TYPE, "unknown message type '${type.take(40)}'", id)
        StrictJson.outOfRange(JsonObject(obj - "id"))?.let { return refused(ErrorCode.BAD_REQUEST, "bad '$type' message: ${it.take(20)} is out of range", id) }
        quotedPrimitive(serializer.descriptor, obj)?.let { field ->
            return refused(ErrorCode.BAD_REQUEST, "bad '$type' message: '$field' must not be a string", id)
        }
        val message = try {
            json.decodeFromJsonElement(serializer, obj)
        } catch (e: SerializationException) {
            return refused(ErrorCode.BAD_REQUEST, "bad '$type' message: ${brief(e)}", id)
        } catch (e: IllegalArgumentException) {
            return refused(ErrorCode.BAD_REQUEST, "bad '$type' message: ${brief(e)}", id)
        }
        val problem = (message as? Checked)?.problem() ?: return Decoded.Message(message, id)
        return refused(ErrorCode.BAD_REQUEST, "bad '$type' message: $problem", id)
    }

    /** Encodes [message]; [seq] marks a room event, [re] a direct reply. */
    fun encode(message: ServerMessage, seq: Long? = null, re: JsonElement? = null): String =
        splice(json.encodeToString(serverSerializer, message), seq, re)

    fun decodeServer(text: String): ServerMessage = json.decodeFromString(serverSerializer, text)

    /** Decodes a server message already parsed as [obj]; throws [SerializationException] for a type this codec does not know. */
    fun decodeServer(obj: JsonObject): ServerMessage = json.decodeFromJsonElement(serverSerializer, obj)

    /** Encodes a client's [message], with the request [id] a reply will carry back as `re`: what a client sends. */
    fun encodeClient(message: ClientMessage, id: JsonElement? = null): String {
        val type = typeOf(message)
        @Suppress("UNCHECKED_CAST")
        val serializer = clientTypes[type] as KSerializer<ClientMessage>?
            ?: throw IllegalArgumentException("${message.javaClass.simpleName} is not a client message of this codec's games")
        val fields = json.encodeToJsonElement(serializer, message).jsonObject
        return JsonObject(buildMap { put("type", JsonPrimitive(type)); putAll(fields); id?.let { put("id", it) } }).toString()
    }

    private fun splice(text: String, seq: Long?, re: JsonElement?): String {
        if (seq == null && re == null) return text
        // An encoded message is never empty: it has its type.
        val out = StringBuilder(text.length + 40).append(text, 0, text.length - 1)
        if (seq != null) out.append(",\"seq\":").append(seq)
        if (re != null) out.append(",\"re\":").append(re.toString())
        return out.append('}').toString()
    }

    /**
     * The first field that should be a number or boolean but came as a string (`"index":"0"`),
     * which kotlinx would quietly accept; lists of such values are checked too.
     */
    /** The wire `type` of a client [message]: its class's serial name. */
    fun typeOf(message: ClientMessage): String? = message.javaClass.getAnnotation(SerialName::class.java)?.value

    private fun quotedPrimitive(descriptor: SerialDescriptor, obj: JsonObject): String? {
        for (i in 0 until descriptor.elementsCount) {
            val name = descriptor.getElementName(i)
            var element = descriptor.getElementDescriptor(i)
            var values = listOfNotNull(obj[name])
            if (element.kind == StructureKind.LIST) {
                element = element.getElementDescriptor(0)
                values = values.filterIsInstance<JsonArray>().flatten()
            }
            val kind = element.kind
            if (kind is PrimitiveKind && kind != PrimitiveKind.STRING && kind != PrimitiveKind.CHAR &&
                values.any { it is JsonPrimitive && it.isString }
            ) return name
        }
        return null
    }

    private fun refused(code: ErrorCode, message: String, id: JsonElement?) = Decoded.Refused(Rejection(code, message), id)

    private fun brief(e: Exception) = (e.message ?: e.javaClass.simpleName).lineSequence().first().take(160)
}
