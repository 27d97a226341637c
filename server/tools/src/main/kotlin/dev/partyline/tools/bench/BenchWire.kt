package dev.partyline.tools.bench

import dev.partyline.client.PartylineClient
import dev.partyline.shared.game.memory.FlipCard
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.protocol.ClientMessage
import dev.partyline.shared.protocol.CoreClientMessages
import dev.partyline.shared.protocol.Limits
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.add
import kotlinx.serialization.json.addJsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonArray

/**
 * The few protocol lines a bench client writes, encoded by the client library's codec, and cheap
 * reads of the lines it gets (its Netty fast path): the server
 * always writes `{"type":"..."` first, so a message's type is read from its prefix and most
 * events are counted, never parsed.
 */
object BenchWire {
    private const val TYPE_PREFIX = "{\"type\":\""
    private const val PING = "{\"type\":\"ping\""

    /** Server events that arrive in floods and that no scenario measures: counted in the handler and dropped. */
    private val NOISE = listOf("player_joined", "presence", "answers", "player_status").map { "$TYPE_PREFIX$it\"" }

    fun hello(name: String) = encode(CoreClientMessages.Hello(name = name, protocol = Limits.PROTOCOL_VERSION, client = "partyline-bench", bot = true))

    /** `create` of a room of [game] (`quiz` or `memory`) with [options]. */
    fun create(game: String, options: JsonObject) = encode(CoreClientMessages.Create(game, options))

    fun join(code: String) = encode(CoreClientMessages.Join(code))

    fun start() = encode(CoreClientMessages.Start)

    fun chat(text: String) = encode(CoreClientMessages.Chat(text))

    fun answer(index: Int, choice: Int) = encode(Answer(index, choice = choice))

    fun flip(card: Int) = encode(FlipCard(card))

    /** Quiz options for [count] inline four-choice questions of [seconds] each, for a room of [maxPlayers] where the host plays. */
    fun quizOptions(maxPlayers: Int, count: Int, seconds: Int, revealSeconds: Int): JsonObject = buildJsonObject {
        put("maxPlayers", maxPlayers)
        put("hostPlays", true)
        put("seconds", seconds)
        put("revealSeconds", revealSeconds)
        putJsonArray("questions") {
            for (n in 1..count) addJsonObject {
                put("kind", "single")
                put("text", "q$n")
                putJsonArray("choices") { listOf("a", "b", "c", "d").forEach(::add) }
                putJsonArray("answer") { add(n % 4) }
            }
        }
    }

    /**
     * Memory options for a race of [maxPlayers] on a board of [rows] × [cols] dealt from [seed]
     * (brought into the server's 0..2^53−1), where a missed pair turns down at once (`missMillis` 0).
     */
    fun raceOptions(maxPlayers: Int, rows: Int, cols: Int, seed: Long): JsonObject = buildJsonObject {
        put("maxPlayers", maxPlayers)
        put("mode", "race")
        put("rows", rows)
        put("cols", cols)
        put("missMillis", 0)
        put("seed", Math.floorMod(seed, Limits.MAX_EXACT_NUMBER + 1))
    }

    /** Options of a room that only gathers players (it never starts): a quiz lobby. */
    fun lobbyOptions(maxPlayers: Int): JsonObject = buildJsonObject { put("maxPlayers", maxPlayers) }

    private fun encode(message: ClientMessage) = PartylineClient.CODEC.encodeClient(message)

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
