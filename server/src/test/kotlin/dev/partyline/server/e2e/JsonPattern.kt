package dev.partyline.server.e2e

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/**
 * The patterns of the docs' transcripts: JSON as written, where the string `"<name>"` matches any
 * value, the same name the same value each time; in what a transcript sends, `<name>` stands for
 * the value it matched.
 */
object JsonPattern {
    private val placeholder = Regex("^<([a-z0-9]+)>$")
    private val inText = Regex("<([a-z0-9]+)>")

    /** Whether [actual] matches [expected]: objects key by key (both ways), arrays element by element; binds placeholders in [bound]. */
    fun matches(expected: JsonElement, actual: JsonElement, bound: MutableMap<String, JsonElement>): Boolean {
        if (expected is JsonPrimitive && expected.isString) {
            placeholder.matchEntire(expected.content)?.let { m ->
                val previous = bound.putIfAbsent(m.groupValues[1], actual)
                return previous == null || previous == actual
            }
        }
        return when (expected) {
            is JsonObject -> actual is JsonObject && expected.keys == actual.keys && expected.all { (k, v) -> matches(v, actual.getValue(k), bound) }
            is JsonArray -> actual is JsonArray && expected.size == actual.size && expected.indices.all { matches(expected[it], actual[it], bound) }
            else -> expected == actual
        }
    }

    /** [line] with each `<name>` replaced by the value bound to it. */
    fun substitute(line: String, bound: Map<String, JsonElement>): String = inText.replace(line) { m ->
        val value = bound[m.groupValues[1]] ?: error("nothing bound to ${m.value} yet")
        (value as? JsonPrimitive)?.content ?: value.toString()
    }
}
