package dev.partyline.shared.protocol

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * What kotlinx lets through but a message must not hold. Its parser reads any bare word as a
 * literal (`NaN`, `01`, `0x10`, `ping`), which echoed back (a ping's `t`, an `id`) is invalid
 * JSON or fails to encode; a number past a double is infinite, which fails to encode too; and it
 * reads a whole number past a Long by wrapping it (2^64 becomes 0, a valid card or seed). Both
 * walks go no deeper than the codec's nesting limit.
 */
internal object StrictJson {
    private val LITERAL = Regex("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null")

    /** The first unquoted literal in [element] that is not a JSON number, `true`, `false` or `null`. */
    fun badLiteral(element: JsonElement): String? = when (element) {
        is JsonObject -> element.values.firstNotNullOfOrNull(::badLiteral)
        is JsonArray -> element.firstNotNullOfOrNull(::badLiteral)
        is JsonNull -> null
        is JsonPrimitive -> element.content.takeUnless { element.isString || LITERAL.matches(it) }
    }

    /** The first number in [element] too large for a double (`1e999`), or written as a whole number too large for a Long. */
    fun outOfRange(element: JsonElement): String? = when (element) {
        is JsonObject -> element.values.firstNotNullOfOrNull(::outOfRange)
        is JsonArray -> element.firstNotNullOfOrNull(::outOfRange)
        is JsonNull -> null
        is JsonPrimitive -> element.content.takeIf { !element.isString && !fits(it) }
    }

    private fun fits(number: String): Boolean =
        if (WHOLE.matches(number)) number.toLongOrNull() != null else number.toDoubleOrNull()?.isFinite() != false

    private val WHOLE = Regex("-?[0-9]+")
}
