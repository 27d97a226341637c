package dev.partyline.shared.protocol

import com.code_intelligence.jazzer.junit.FuzzTest
import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.game.quiz.QuizGame
import kotlinx.serialization.InternalSerializationApi
import kotlinx.serialization.KSerializer
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.serializer

/**
 * Fuzzes message decoding and validation: any text decodes to a message or to a refusal with
 * one of the codec's codes, never an exception; a message holds exactly the values the text
 * gave it (nothing wrapped or rounded away); a chat line that passes is clean; and whatever
 * goes back — the error with its `re`, a ping's pong — is strict JSON. CI runs the inputs under
 * `WireCodecFuzzTestInputs/decode`; `JAZZER_FUZZ=1` fuzzes (see docs/reliability.md).
 */
class WireCodecFuzzTest {
    private val codec = WireCodec(listOf(QuizGame, MemoryGame))

    @FuzzTest(maxDuration = "10m")
    fun decode(input: ByteArray) {
        val text = String(input, Charsets.UTF_8)
        when (val decoded = codec.decode(text)) {
            is Decoded.Refused -> {
                check(decoded.rejection.code in CODEC_CODES) { "refused with ${decoded.rejection.code}" }
                check(decoded.rejection.message.isNotBlank())
                echoes(codec.encode(ErrorMessage(decoded.rejection), re = decoded.id), decoded.id)
            }
            is Decoded.Message -> {
                val message = decoded.message
                keeps(codec.json.parseToJsonElement(text).jsonObject, message)
                if (message is CoreClientMessages.Chat) check(PlainText.isClean(message.text)) { "chat with control characters: $message" }
                val reply = if (message is CoreClientMessages.Ping) ServerPong(message.t, 0) else ServerPong(null, 0)
                echoes(codec.encode(reply, re = decoded.id), decoded.id)
            }
        }
    }

    /** [reply] is strict JSON, an object that carries [id] back as `re`. */
    private fun echoes(reply: String, id: JsonElement?) {
        check(id == null || (id is JsonPrimitive && id.content.length <= Limits.MAX_ID_CHARS)) { "kept id $id" }
        val parsed = codec.json.parseToJsonElement(reply)
        check(StrictJson.badLiteral(parsed) == null) { "not JSON: $reply" }
        val re = parsed.jsonObject["re"]
        if (id != null) check(re != null && re.toString() == id.toString()) { "re $re for id $id" }
    }

    /** Every field of [message] holds the value [input] gave it. */
    @OptIn(InternalSerializationApi::class)
    private fun keeps(input: JsonObject, message: ClientMessage) {
        @Suppress("UNCHECKED_CAST")
        val serializer = message::class.serializer() as KSerializer<ClientMessage>
        val back = codec.json.encodeToJsonElement(serializer, message) as? JsonObject ?: return
        for ((key, value) in back) input[key]?.let { check(same(it, value)) { "'$key' was $it, decoded as $value" } }
    }

    private fun same(given: JsonElement, kept: JsonElement): Boolean {
        if (given is JsonArray && kept is JsonArray) return given.size == kept.size && given.indices.all { same(given[it], kept[it]) }
        if (given is JsonObject && kept is JsonObject) return given.keys == kept.keys && given.keys.all { same(given.getValue(it), kept.getValue(it)) }
        if (given !is JsonPrimitive || kept !is JsonPrimitive || given is JsonNull || given.isString || kept.isString) return given == kept
        val a = given.content.toBigDecimalOrNull() ?: return given == kept
        val b = kept.content.toBigDecimalOrNull() ?: return false
        // A whole-number field keeps the number exactly; a fraction may round to the nearest double.
        return if (kept.content.all { it == '-' || it.isDigit() }) a.compareTo(b) == 0 else a.toDouble() == b.toDouble()
    }

    private companion object {
        val CODEC_CODES = setOf(ErrorCode.BAD_JSON, ErrorCode.BAD_REQUEST, ErrorCode.UNKNOWN_TYPE)
    }
}
