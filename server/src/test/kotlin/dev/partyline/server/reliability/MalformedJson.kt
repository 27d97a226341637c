package dev.partyline.server.reliability

import dev.partyline.server.reliability.Place.FRESH
import dev.partyline.server.reliability.Place.PLAYING_PLAYER

/** Inputs that are not a JSON object at all: broken, truncated, not UTF-8, not an object, nested too deep. */
object MalformedJson {
    fun all(): List<BadInput> = broken() + truncated() + invalidUtf8() + notAnObject() + deepNesting()

    /** Hand-written JSON that no parser should take. */
    fun broken(): List<BadInput> = listOf(
        "{", "}", "{{", "[", "]", "\"", "{\"", "{\"type\"", "{\"type\":", "{\"type\":\"ping\"",
        "{\"type\":\"ping\",}", "{\"type\":\"ping\",,\"t\":1}", "{,\"type\":\"ping\"}", "{\"type\" \"ping\"}",
        "{\"type\"::\"ping\"}", "{'type':'ping'}", "{type:\"ping\"}", "{\"type\":ping}", "{\"type\":\"ping\"}}",
        "{\"type\":\"ping\"}{\"type\":\"ping\"}", "{\"type\":\"ping\"} x", "{\"type\":\"ping\",\"t\":01}",
        "{\"type\":\"ping\",\"t\":+1}", "{\"type\":\"ping\",\"t\":.5}", "{\"type\":\"ping\",\"t\":1.}",
        "{\"type\":\"ping\",\"t\":1e}", "{\"type\":\"ping\",\"t\":0x10}", "{\"type\":\"ping\",\"t\":NaN}",
        "{\"type\":\"ping\",\"t\":Infinity}", "{\"type\":\"ping\",\"t\":-Infinity}", "{\"type\":\"ping\",\"t\":undefined}",
        "{\"type\":\"ping\",\"t\":True}", "{\"type\":\"ping\",\"t\":nul}", "{\"type\":\"ping\",\"t\":\"\\x41\"}",
        "{\"type\":\"ping\",\"t\":\"\\u12\"}", "{\"type\":\"ping\",\"t\":\"\\uZZZZ\"}", "{\"type\":\"ping\",\"t\":\"\\\"}",
        "{\"type\":\"ping\",\"t\":[1,2}", "{\"type\":\"ping\",\"t\":[1,,2]}", "{\"type\":\"ping\",\"t\":{\"a\"}}",
        "{\"type\":\"ping\" /* comment */}", "// comment", "{\"type\":\"ping\"} // trailing", "\u0000",
        "\u0000{\"type\":\"ping\"}", "{\"type\":\"ping\"}\u0000", "{\u0000\"type\":\"ping\"}", "\uFEFF{\"type\":\"ping\"}",
        "   ", "\t", "x", "ping", "hello", "<xml/>", "GET / HTTP/1.1", "nulll", "truefalse", "1 2",
    ).map { bad("broken JSON", PLAYING_PLAYER, it, "bad_json") }

    /** Every proper prefix of a few real messages, cut at any byte, so also inside a multi-byte character. */
    fun truncated(): List<BadInput> = listOf(
        """{"type":"chat","text":"héllo €😀","id":"t1"}""",
        """{"type":"answer","index":0,"choices":[0,1],"id":7}""",
        """{"type":"hello","name":"Zoë","protocol":1,"bot":true}""",
    ).flatMap { whole ->
        val bytes = whole.toByteArray(Charsets.UTF_8)
        (1 until bytes.size).map { n -> BadInput("truncated JSON", PLAYING_PLAYER, bytes.copyOf(n), "bad_json") }
    }

    /** Messages that would be fine but for bytes that are not UTF-8; a transport refuses them whole. */
    fun invalidUtf8(): List<BadInput> {
        val sequences = listOf(
            bytes(0x80), bytes(0xBF), bytes(0xC0, 0x80), bytes(0xC1, 0xBF), bytes(0xC3), bytes(0xC3, 0x28),
            bytes(0xE2, 0x82), bytes(0xE2, 0x28, 0xA1), bytes(0xE0, 0x80, 0x80), bytes(0xED, 0xA0, 0x80),
            bytes(0xED, 0xBF, 0xBF), bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), bytes(0xF0, 0x9F, 0x98),
            bytes(0xF0, 0x80, 0x80, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xFC, 0x84, 0x80, 0x80, 0x80, 0x80), bytes(0xFE), bytes(0xFF),
            bytes(0xFF, 0xFE), bytes(0xEF, 0xBF), bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF),
        )
        val inChat = sequences.map { seq ->
            BadInput("invalid UTF-8", PLAYING_PLAYER, ascii("{\"type\":\"chat\",\"text\":\"a") + seq + ascii("b\",\"id\":\"u\"}"), "bad_json")
        }
        val elsewhere = listOf(
            bytes(0xFF) + ascii("{\"type\":\"ping\"}"),
            ascii("{\"type\":\"ping\"}") + bytes(0xC3),
            ascii("{\"ty") + bytes(0xC0, 0xA2) + ascii("pe\":\"ping\"}"),
            ascii("{\"type\":\"pi") + bytes(0x80) + ascii("ng\"}"),
            ascii("{\"type\":\"join\",\"room\":\"AB") + bytes(0xED, 0xB0, 0x80) + ascii("CD\"}"),
            bytes(0xC0, 0xBC) + ascii("script") + bytes(0xC0, 0xBE),
        ).map { BadInput("invalid UTF-8", PLAYING_PLAYER, it, "bad_json") }
        val beforeHello = BadInput("invalid UTF-8", FRESH, ascii("{\"type\":\"hello\",\"name\":\"a") + bytes(0xE2, 0x82) + ascii("\"}"), "bad_json")
        return inChat + elsewhere + beforeHello
    }

    /** Valid JSON that is not a message: a message is an object with a string `type`. */
    fun notAnObject(): List<BadInput> = listOf(
        "0", "-1", "1e999", "\"ping\"", "\"{\\\"type\\\":\\\"ping\\\"}\"", "null", "true", "false", "[]", "[{\"type\":\"ping\"}]",
        "[\"ping\"]", "{}", "{\"t\":1}", "{\"Type\":\"ping\"}", "{\"TYPE\":\"ping\"}", "{\" type\":\"ping\"}",
    ).map { bad("not an object", PLAYING_PLAYER, it, "bad_request") }

    /** Nesting deeper than the 16 levels a message may have (`bad_json`, as the parser stops there), up to far deeper. */
    fun deepNesting(): List<BadInput> {
        fun arrays(depth: Int, inner: String = "") = "[".repeat(depth) + inner + "]".repeat(depth)
        fun objects(depth: Int) = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)
        return listOf(
            arrays(17), arrays(64), arrays(1000), arrays(2000), arrays(3000, "{\"type\":\"ping\"}"), objects(17), objects(1000),
            "{\"type\":\"ping\",\"t\":${arrays(16)},\"id\":\"d0\"}",
            "{\"type\":\"ping\",\"t\":${objects(16)},\"id\":\"d1\"}",
            "{\"type\":\"chat\",\"text\":${arrays(1500)},\"id\":\"d2\"}",
            "{\"type\":\"answer\",\"index\":0,\"choices\":${arrays(1500)},\"id\":\"d3\"}",
            "{\"type\":\"ping\",\"t\":${arrays(1500)},\"id\":\"d4\"}",
            "{\"type\":\"ping\",\"id\":\"d5\",\"x\":${arrays(2000)}}",
        ).map { bad("deep nesting", PLAYING_PLAYER, it, "bad_json") } + listOf(
            bad("deep nesting", Place.LOBBY, "{\"type\":\"create\",\"game\":\"quiz\",\"options\":${objects(1000)},\"id\":\"d6\"}", "bad_json"),
            bad("deep nesting", FRESH, "{\"type\":\"hello\",\"name\":\"n\",\"client\":${arrays(1500)},\"id\":\"d7\"}", "bad_json"),
            bad("deep nesting", FRESH, "{\"type\":\"hello\",\"name\":\"n\",\"id\":${arrays(1500)}}", "bad_json"),
        )
    }

    private fun bytes(vararg b: Int) = ByteArray(b.size) { b[it].toByte() }

    private fun ascii(text: String) = text.toByteArray(Charsets.US_ASCII)
}
