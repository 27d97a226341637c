package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
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
                client.send(JsonPattern.substitute(body, bound))
            } else {
                val actual = client.next()
                withClue("expected $body\n     got $actual") { JsonPattern.matches(Json.parseToJsonElement(body), actual, bound) shouldBe true }
            }
        }
    } finally {
        connections.values.forEach { it.close() }
    }
}
