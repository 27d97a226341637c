package dev.partyline.server.reliability

import dev.partyline.server.reliability.Place.FRESH
import dev.partyline.server.reliability.Place.LOBBY
import dev.partyline.server.reliability.Place.OVER_HOST
import dev.partyline.server.reliability.Place.PLAYING_PLAYER

/** Well-formed JSON objects whose fields are wrong: types, numbers, unknown types, control and bidi characters. */
object BadFields {
    fun all(): List<BadInput> = wrongTypes() + hugeNumbers() + unknownTypes() + controlCharacters() + bidiControls()

    private val notStrings = listOf("1", "-0.5", "true", "null", "[]", "[\"x\"]", "{}", "{\"x\":\"y\"}")
    private val notNumbers = listOf("\"0\"", "true", "[]", "[0]", "{}")
    private val notObjects = listOf("1", "\"x\"", "true", "[]", "[{}]")

    /** A field of the wrong JSON type, in every message that has fields. Each carries an id, so `re` comes back. */
    fun wrongTypes(): List<BadInput> {
        var n = 0
        fun field(place: Place, type: String, field: String, values: List<String>, rest: String = "") = values.map { value ->
            val id = "w${++n}"
            bad("wrong type", place, """{"type":"$type",$rest"$field":$value,"id":"$id"}""", "bad_request", "\"$id\"")
        }
        val typeField = notStrings.map { value ->
            bad("wrong type", PLAYING_PLAYER, """{"type":$value,"id":${++n}}""", "bad_request", "$n")
        }
        return typeField +
            field(PLAYING_PLAYER, "join", "room", notStrings) +
            field(PLAYING_PLAYER, "join", "as", notStrings, """"room":"ABCDEF",""") +
            field(PLAYING_PLAYER, "chat", "text", notStrings) +
            field(PLAYING_PLAYER, "kick", "player", notStrings) +
            field(PLAYING_PLAYER, "remove_bot", "player", notStrings) +
            field(LOBBY, "create", "game", notStrings) +
            field(LOBBY, "create", "options", notObjects + "null", """"game":"quiz",""") +
            field(PLAYING_PLAYER, "answer", "index", notNumbers + "null" + "1.5" + "\"one\"") +
            field(PLAYING_PLAYER, "answer", "choice", notNumbers + "1.5", """"index":0,""") +
            field(PLAYING_PLAYER, "answer", "choices", listOf("1", "\"0,1\"", "{}", "[\"1\"]", "[true]", "[[0]]", "[1.5]", "[null]"), """"index":0,""") +
            field(PLAYING_PLAYER, "answer", "text", listOf("1", "true", "[]", "{}"), """"index":0,""") +
            field(PLAYING_PLAYER, "flip", "card", notNumbers + "null" + "2.5") +
            field(OVER_HOST, "add_bot", "skill", notNumbers) +
            field(OVER_HOST, "add_bot", "name", listOf("1", "true", "[]", "{}")) +
            field(FRESH, "hello", "name", listOf("1", "true", "[]", "{}")) +
            field(FRESH, "hello", "protocol", notNumbers + "1.5", """"name":"ok",""") +
            field(FRESH, "hello", "bot", listOf("\"true\"", "1", "[]", "{}", "null"), """"name":"ok",""") +
            field(FRESH, "hello", "session", listOf("1", "true", "[]", "{}"), """"protocol":1,""") +
            field(FRESH, "hello", "client", listOf("1", "true", "[]", "{}"), """"name":"ok",""") +
            badIds()
    }

    /** An `id` that is not a string or number of at most 64 characters is refused, and so cannot be echoed. */
    private fun badIds(): List<BadInput> = listOf(
        "true", "false", "null", "[]", "[\"a\"]", "{}", "{\"id\":1}", "\"${"x".repeat(65)}\"", "1${"0".repeat(64)}",
        "\"${"é".repeat(65)}\"",
    ).map { bad("wrong type", PLAYING_PLAYER, """{"type":"ping","id":$it}""", "bad_request") }

    /** Numbers no field can hold: past Int, past Long, past Double, fractions, negatives. */
    fun hugeNumbers(): List<BadInput> {
        var n = 0
        fun number(place: Place, template: String, values: List<String>) = values.map { value ->
            val id = "h${++n}"
            bad("huge number", place, template.replace("#", value).removeSuffix("}") + ",\"id\":\"$id\"}", "bad_request", "\"$id\"")
        }
        // 2^64 and 2^64 + 1 wrap round to 0 and 1 in kotlinx's reading of a Long.
        val huge = listOf(
            "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "18446744073709551617", "-18446744073709551616", "1e999", "-1e999", "1e308", "4.9e-324",
        )
        return number(PLAYING_PLAYER, """{"type":"answer","index":#,"choice":0}""", huge) +
            number(PLAYING_PLAYER, """{"type":"answer","index":0,"choice":#}""", huge - "4.9e-324") +
            number(PLAYING_PLAYER, """{"type":"answer","index":0,"choices":[#]}""", listOf("2147483648", "18446744073709551616", "1e999", "-1e999")) +
            number(PLAYING_PLAYER, """{"type":"flip","card":#}""", huge) +
            // Below a double's smallest step, kotlinx read these as a whole 0: an answer to question 0, a flip of card 0.
            number(PLAYING_PLAYER, """{"type":"answer","index":#,"text":"yes"}""", listOf("9E-72000", "1e-400", "-1e-400")) +
            number(Place.MEMORY_HOST, """{"type":"flip","card":#}""", listOf("9E-72000", "1e-400", "1e-18446744073709551615")) +
            number(FRESH, """{"type":"hello","name":"n","protocol":#}""", listOf("2147483648", "1e999", "-9223372036854775809", "18446744073709551617")) +
            number(PLAYING_PLAYER, """{"type":"ping","t":#}""", listOf("1e999", "-1E400", "18446744073709551616", "1${"0".repeat(400)}")) +
            number(OVER_HOST, """{"type":"add_bot","skill":#}""", listOf("1e999", "-1e999", "1e308", "1.0000001", "-4.9e-324")) +
            number(LOBBY, """{"type":"create","game":"quiz","options":{"seconds":#}}""", huge) +
            number(LOBBY, """{"type":"create","game":"memory","options":{"seed":#}}""", listOf("9007199254740992", "-1", "1e999", "0.5", "18446744073709551616", "36893488147419103232")) +
            number(LOBBY, """{"type":"create","game":"memory","options":{"rows":#}}""", listOf("4294967300", "-4294967292", "1e3")) +
            number(LOBBY, """{"type":"create","game":"quiz","options":{"maxPlayers":#}}""", listOf("2147483648", "1e999", "-1", "0"))
    }

    /** A string `type` that names no client message: typos, case, server-only types, odd characters. */
    fun unknownTypes(): List<BadInput> = listOf(
        "", " ", "teleport", "HELLO", "Ping", "ping ", " ping", "pin", "pingg", "join\u0000", "\u0000", "chat\t", "answer_ack",
        "welcome", "pong ", "error", "room", "rooms ", "question", "reveal", "game_over", "goodbye", "board", "flipped",
        "__proto__", "constructor", "toString", "hello\u202E", "ping\u200B", "p\u0131ng", "ｐｉｎｇ", "😀", "\\uD800", "\\uDFFF\\uD800",
        "x".repeat(2000), "a\\u0000b", "%s%s%n", "../../etc/passwd", "<script>",
    ).mapIndexed { i, type ->
        val json = type.map { c -> if (c.code < 0x20 || c == '"') "\\u%04x".format(c.code) else "$c" }.joinToString("")
        bad("unknown type", PLAYING_PLAYER, """{"type":"$json","id":"k$i"}""", "unknown_type", "\"k$i\"")
    } + bad("unknown type", FRESH, """{"type":"helo","name":"n","id":"k-fresh"}""", "unknown_type", "\"k-fresh\"")

    /**
     * C0 and C1 control characters and DEL, escaped or raw, in chat text (a `bad_request`) and in
     * names (a `bad_name`); a raw one in the JSON outside a string breaks the JSON.
     */
    fun controlCharacters(): List<BadInput> {
        val controls = (0x00..0x1F) + 0x7F + (0x80..0x9F)
        val escapedInChat = controls.map { c ->
            bad("control character", PLAYING_PLAYER, """{"type":"chat","text":"a\u%04x b","id":"c$c"}""".format(c), "bad_request", "\"c$c\"")
        }
        val rawInChat = ((0x00..0x1F) - '\n'.code + 0x7F).map { c ->
            BadInput("control character", PLAYING_PLAYER, ascii("{\"type\":\"chat\",\"text\":\"a") + byteArrayOf(c.toByte()) + ascii("b\",\"id\":\"r$c\"}"), "bad_request", "\"r$c\"")
        }
        val rawOutside = listOf(0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F).map { c ->
            BadInput("control character", PLAYING_PLAYER, ascii("{\"type\":\"ping\",") + byteArrayOf(c.toByte()) + ascii("\"t\":1}"), "bad_json")
        }
        val inNames = listOf(0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9B).map { c ->
            bad("control character", FRESH, """{"type":"hello","name":"ad\u%04xa","protocol":1,"id":"n$c"}""".format(c), "bad_name", "\"n$c\"")
        }
        val inBotNames = listOf(0x00, 0x0A, 0x1B).map { c ->
            bad("control character", OVER_HOST, """{"type":"add_bot","name":"Bo\u%04xt","id":"b$c"}""".format(c), "bad_name", "\"b$c\"")
        }
        val inAnswers = listOf(0x00, 0x0A, 0x1B, 0x7F).map { c ->
            bad("control character", PLAYING_PLAYER, """{"type":"answer","index":0,"text":"b\u%04x","id":"a$c"}""".format(c), "bad_request", "\"a$c\"")
        }
        return escapedInChat + rawInChat + rawOutside + inNames + inBotNames + inAnswers
    }

    /** Unicode bidirectional controls, which can make text read as something else, in chat and in names. */
    fun bidiControls(): List<BadInput> {
        val bidi = listOf(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F)
        return bidi.flatMap { c ->
            val ch = String(Character.toChars(c))
            listOf(
                bad("bidi control", PLAYING_PLAYER, """{"type":"chat","text":"gg${ch}olleh","id":"bc$c"}""", "bad_request", "\"bc$c\""),
                bad("bidi control", PLAYING_PLAYER, """{"type":"chat","text":"gg\u%04xolleh","id":"be$c"}""".format(c), "bad_request", "\"be$c\""),
                bad("bidi control", FRESH, """{"type":"hello","name":"ad${ch}am","protocol":1,"id":"bn$c"}""", "bad_name", "\"bn$c\""),
                bad("bidi control", OVER_HOST, """{"type":"add_bot","name":"B${ch}ot","id":"bb$c"}""", "bad_name", "\"bb$c\""),
            )
        }
    }

    private fun ascii(text: String) = text.toByteArray(Charsets.US_ASCII)
}
