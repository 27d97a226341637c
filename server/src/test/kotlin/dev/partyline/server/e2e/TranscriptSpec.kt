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
 * Replays each `nc` transcript of docs/protocol.md over TCP, on a connection of its own: every `>` line is sent, every `<`
 * line must match the next message. `"<name>"` matches any value, and the same name must match
 * the same value each time; in sent lines it is replaced by the value it matched.
 */
class TranscriptSpec : FunSpec({
    lateinit var server: PartylineServer
    beforeSpec { server = startTestServer() }
    afterSpec { server.stop() }

    val doc = File("../docs/protocol.md").readText()
    val blocks = Regex("```transcript\n(.*?)```", RegexOption.DOT_MATCHES_ALL).findAll(doc).map { it.groupValues[1] }.toList()

    test("docs/protocol.md holds a transcript for each game") {
        blocks.size shouldBe 2
    }

    blocks.forEachIndexed { n, block ->
        test("nc transcript ${n + 1} of docs/protocol.md plays exactly as written") {
            val lines = block.lines().filter { it.isNotBlank() }
            (lines.size > 10) shouldBe true
            val bound = HashMap<String, JsonElement>()
            val client = TestClient.tcp(server.tcpPort)
            try {
                for (line in lines) {
                    val body = line.substring(2)
                    when (line.take(2)) {
                        "> " -> client.send(substitute(body, bound))
                        "< " -> {
                            val actual = client.next()
                            withClue("expected $body\n     got $actual") { matches(Json.parseToJsonElement(body), actual, bound) shouldBe true }
                        }
                        else -> error("a transcript line starts with '> ' or '< ': $line")
                    }
                }
            } finally {
                client.close()
            }
        }
    }
})

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
