package dev.partyline.shared.game

import dev.partyline.shared.protocol.ErrorCode
import dev.partyline.shared.protocol.Limits
import dev.partyline.shared.protocol.Rejection
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.longOrNull

/** Thrown by [OptionReader] for a bad option; caught by the game's setup and turned into a [Rejection]. */
class BadOption(message: String) : Exception(message) {
    fun rejection() = Rejection(ErrorCode.BAD_REQUEST, message ?: "bad option")
}

/**
 * Reads typed, range-checked values out of a JSON options object, and refuses keys nobody read,
 * so that a typo such as `secnds` is an error rather than a silent default.
 */
class OptionReader(private val options: JsonObject) {
    private val read = mutableSetOf<String>()

    fun raw(key: String): JsonElement? = options[key].also { read += key }

    fun int(key: String, default: Int, range: IntRange): Int {
        val value = raw(key) ?: return default
        val n = (value as? JsonPrimitive)?.takeIf { !it.isString }?.longOrNull
            ?: throw BadOption("option '$key' must be a whole number")
        if (n !in range.first..range.last) throw BadOption("option '$key' must be between ${range.first} and ${range.last}")
        return n.toInt()
    }

    fun long(key: String): Long? {
        val value = raw(key) ?: return null
        return (value as? JsonPrimitive)?.takeIf { !it.isString }?.longOrNull
            ?: throw BadOption("option '$key' must be a whole number")
    }

    /** The game's `seed` option, or [default]: a whole number that every client reads exactly, so a game can be replayed. */
    fun seed(default: Long): Long {
        val seed = long("seed") ?: return default
        if (seed !in 0..Limits.MAX_EXACT_NUMBER) throw BadOption("option 'seed' must be between 0 and ${Limits.MAX_EXACT_NUMBER}")
        return seed
    }

    fun bool(key: String, default: Boolean): Boolean {
        val value = raw(key) ?: return default
        return (value as? JsonPrimitive)?.takeIf { !it.isString }?.booleanOrNull
            ?: throw BadOption("option '$key' must be true or false")
    }

    fun string(key: String): String? {
        val value = raw(key) ?: return null
        return (value as? JsonPrimitive)?.takeIf { it.isString }?.content
            ?: throw BadOption("option '$key' must be a string")
    }

    fun array(key: String): JsonArray? {
        val value = raw(key) ?: return null
        return value as? JsonArray ?: throw BadOption("option '$key' must be a list")
    }

    /** Fails on any key of the options that no reader asked for. */
    fun refuseUnknown() {
        val unknown = options.keys - read
        if (unknown.isNotEmpty()) throw BadOption("unknown option '${unknown.first()}'")
    }
}
