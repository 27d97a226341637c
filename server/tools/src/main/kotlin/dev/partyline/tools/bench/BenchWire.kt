package dev.partyline.tools.bench

/**
 * The few protocol lines a bench client writes, and cheap reads of the lines it gets: the server
 * always writes `{"type":"..."` first, so a message's type is read from its prefix and most
 * events are counted, never parsed.
 */
object BenchWire {
    private const val TYPE_PREFIX = "{\"type\":\""
    private const val PING = "{\"type\":\"ping\""

    /** Server events that arrive in floods and that no scenario measures: counted in the handler and dropped. */
    private val NOISE = listOf("player_joined", "answers", "player_status").map { "$TYPE_PREFIX$it\"" }

    fun hello(name: String) = """{"type":"hello","name":"$name","protocol":1,"bot":true,"client":"partyline-bench"}"""

    fun create(options: String) = """{"type":"create","game":"quiz","options":$options}"""

    fun join(code: String) = """{"type":"join","room":"$code"}"""

    fun start() = """{"type":"start"}"""

    fun chat(text: String) = """{"type":"chat","text":"$text"}"""

    fun answer(index: Int, choice: Int) = """{"type":"answer","index":$index,"choice":$choice}"""

    /** Quiz options for [count] inline four-choice questions of [seconds] each, for a room of [maxPlayers] where the host plays. */
    fun quizOptions(maxPlayers: Int, count: Int, seconds: Int, revealSeconds: Int): String {
        val questions = (1..count).joinToString(",") { """{"kind":"single","text":"q$it","choices":["a","b","c","d"],"answer":[${it % 4}]}""" }
        return """{"maxPlayers":$maxPlayers,"hostPlays":true,"seconds":$seconds,"revealSeconds":$revealSeconds,"questions":[$questions]}"""
    }

    /** Options of a room that only gathers players (it never starts): a quiz lobby. */
    fun lobbyOptions(maxPlayers: Int) = """{"maxPlayers":$maxPlayers}"""

    /** The wire type of [line], or "" when it does not start the way the server writes messages. */
    fun type(line: String): String {
        if (!line.startsWith(TYPE_PREFIX)) return ""
        val end = line.indexOf('"', TYPE_PREFIX.length)
        return if (end < 0) "" else line.substring(TYPE_PREFIX.length, end)
    }

    fun isPing(line: String) = line.startsWith(PING)

    /** The `pong` that answers a server [ping]: the same message with the type changed, so `t` is echoed as it came. */
    fun pong(ping: String) = "{\"type\":\"pong\"" + ping.substring(PING.length)

    fun isNoise(line: String) = NOISE.any { line.startsWith(it) }

    /** The first string field [name] in [line] (no escapes expected: codes, reasons), or null. */
    fun string(line: String, name: String): String? {
        val key = "\"$name\":\""
        val at = line.indexOf(key)
        if (at < 0) return null
        val from = at + key.length
        val end = line.indexOf('"', from)
        return if (end < 0) null else line.substring(from, end)
    }

    /** The first whole-number field [name] in [line], or null. */
    fun long(line: String, name: String): Long? {
        val key = "\"$name\":"
        val at = line.indexOf(key)
        if (at < 0) return null
        var i = at + key.length
        val from = i
        if (i < line.length && line[i] == '-') i++
        while (i < line.length && line[i].isDigit()) i++
        return line.substring(from, i).toLongOrNull()
    }
}
