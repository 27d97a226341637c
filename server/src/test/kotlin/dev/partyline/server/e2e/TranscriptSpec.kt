package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.io.File

/**
 * Replays each `nc` transcript of docs/protocol.md and docs/bots.md over TCP: every `>` line is
 * sent, every `<` line must match the next message. A line may name its connection (`host> `,
 * `bot< `): each name gets a connection of its own, and unnamed lines share one. `"<name>"`
 * matches any value, and the same name must match the same value each time; in sent lines it is
 * replaced by the value it matched.
 */
class TranscriptSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    val transcripts = listOf("protocol.md", "bots.md").associateWith { page ->
        val doc = File("../docs/$page").readText()
        Regex("```transcript\n(.*?)```", RegexOption.DOT_MATCHES_ALL).findAll(doc).map { it.groupValues[1] }.toList()
    }

    test("docs/protocol.md holds a transcript for each game") {
        transcripts.getValue("protocol.md").size shouldBe 2
    }

    test("docs/bots.md holds a transcript of a bot that says hello as a bot, joins a room and answers") {
        transcripts.getValue("bots.md").any { block ->
            listOf("bot> {\"type\":\"hello\"", "\"bot\":true", "bot> {\"type\":\"join\"", "bot> {\"type\":\"answer\"").all { it in block }
        } shouldBe true
    }

    for ((page, blocks) in transcripts) {
        blocks.forEachIndexed { n, block ->
            test("nc transcript ${n + 1} of docs/$page plays exactly as written") {
                replay(server.tcpPort, block)
            }
        }
    }
})

private val transcriptLine = Regex("^([a-z]*)([<>]) (.*)$")

private suspend fun replay(port: Int, block: String) {
    val lines = block.lines().filter { it.isNotBlank() }
    (lines.size > 10) shouldBe true
    val bound = HashMap<String, JsonElement>()
    val connections = LinkedHashMap<String, TestClient>()
    try {
        for (line in lines) {
            val (name, direction, body) = transcriptLine.matchEntire(line)?.destructured
                ?: error("a transcript line starts with '> ' or '< ', after a connection's name or none: $line")
            val client = connections.getOrPut(name) { TestClient.tcp(port, name.ifEmpty { "nc" }) }
            if (direction == ">") {
                client.send(substitute(body, bound))
            } else {
                val actual = client.next()
                withClue("expected $body\n     got $actual") { matches(Json.parseToJsonElement(body), actual, bound) shouldBe true }
            }
        }
    } finally {
        connections.values.forEach { it.close() }
    }
}

private val placeholder = Regex("^<([a-z0-9]+)>$")

private fun substitute(line: String, bound: Map<String, JsonElement>): String =
    Regex("<([a-z0-9]+)>").replace(line) { m ->
        val value = bound[m.groupValues[1]] ?: error("nothing bound to ${m.value} yet")
        (value as? JsonPrimitive)?.content ?: value.toString()
    }

/** Whether [actual] matches [expected]: objects key by key (both ways), arrays element by element. */
private fun matches(expected: JsonElement, actual: JsonElement, bound: MutableMap<String, JsonElement>): Boolean {
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
