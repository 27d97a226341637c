package dev.partyline.shared.protocol

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * What kotlinx lets through but a message must not hold. Its parser reads any bare word as a
 * literal (`NaN`, `01`, `0x10`, `ping`), which echoed back (a ping's `t`, an `id`) is invalid
 * JSON or fails to encode; a number past a double is infinite, which fails to encode too; it
 * reads a whole number past a Long by wrapping it (2^64 becomes 0, a valid card or seed); and a
 * number too small for a double, such as `9E-72000`, becomes a whole 0 (question 0). Both walks
 * go no deeper than the codec's nesting limit.
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

    /** The first number in [element] past a double (`1e999`), below its smallest step but not 0 (`1e-400`), or whole and past a Long. */
    fun outOfRange(element: JsonElement): String? = when (element) {
        is JsonObject -> element.values.firstNotNullOfOrNull(::outOfRange)
        is JsonArray -> element.firstNotNullOfOrNull(::outOfRange)
        is JsonNull -> null
        is JsonPrimitive -> element.content.takeIf { !element.isString && !fits(it) }
    }

    private fun fits(number: String): Boolean {
        if (WHOLE.matches(number)) return number.toLongOrNull() != null
        val value = number.toDoubleOrNull() ?: return true // true, false
        return value.isFinite() && (value != 0.0 || number.substringBefore('e').substringBefore('E').none { it in '1'..'9' })
    }

    private val WHOLE = Regex("-?[0-9]+")
}
