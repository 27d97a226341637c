package dev.partyline.server.reliability

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.type
import dev.partyline.shared.protocol.Utf8
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The malformed-input corpus over real sockets, TCP and WebSocket: each input gets exactly one
 * `error` with its code (and `re` where its id was readable), the connection still answers a
 * ping, and no room changes — each room's snapshot, the public room list and the room count
 * are as they were.
 */
class MalformedInputSpec : FunSpec({
    lateinit var server: PartylineServer
    // No rate limit or idle timeout gets in the way of the corpus.
    beforeSpec { server = startTestServer(ServerConfig(maxLineBytes = LIMIT, ratePerSecond = 1e6, rateBurst = 1_000_000, idleTimeoutMillis = 600_000)) }
    afterSpec { server.stop() }

    val corpus = BadInputCorpus.inputs
    val transports: Map<String, suspend (String) -> TestClient> = mapOf(
        "TCP" to { label -> TestClient.tcp(server.tcpPort, label) },
        "WebSocket" to { label -> TestClient.ws(server.httpPort, label) },
    )

    fun get(path: String): String = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI("http://127.0.0.1:${server.httpPort}$path")).build(),
        HttpResponse.BodyHandlers.ofString(),
    ).body()

    fun roomCount(): String = get("/health").substringAfter("\"rooms\":").substringBefore('}')

    test("the corpus holds at least 300 distinct inputs, each one line that is neither blank nor ends in CR") {
        corpus.size shouldBeGreaterThanOrEqual 300
        corpus.filter { it.bytes.isEmpty() || '\n'.code.toByte() in it.bytes || it.bytes.last() == '\r'.code.toByte() }.map { it.shown() }.shouldBeEmpty()
        println("Malformed-input corpus: ${corpus.size} inputs, ${BadInputCorpus.oversized(LIMIT).size} oversized; by category: ${BadInputCorpus.counts(corpus)}")
        println("by place: ${corpus.groupingBy { it.place }.eachCount()}")
    }

    for ((transport, connect) in transports) {
        test("over $transport every input gets one coded error, changes no room and leaves the connection usable") {
            CorpusWorld.build(server, connect).use { world ->
                val baselines = CorpusWorld.Room.entries.associateWith { world.snapshot(it).second }
                val publicRooms = get("/api/rooms")
                val rooms = roomCount()
                val failures = mutableListOf<String>()
                suspend fun unchanged(room: CorpusWorld.Room, after: String) {
                    val (heard, now) = world.snapshot(room)
                    if (heard.isNotEmpty()) failures += "$after: the observer of $room heard $heard"
                    if (now != baselines[room]) failures += "$after: room $room is now $now"
                }
                val broken = mutableSetOf<Place>()
                val started = System.nanoTime()
                // Over WebSocket a message that is not UTF-8 fails the connection (1007): WebSocketFramesSpec.
                val inputs = if (transport == "WebSocket") corpus.filter { Utf8.decodeOrNull(it.bytes, 0, it.bytes.size) != null } else corpus
                inputs.forEachIndexed { n, input ->
                    if (input.place in broken) return@forEachIndexed
                    try {
                        val sender = world.sender(input.place)
                        sender.sendBytes(input.bytes)
                        // A room answers its mailbox after the session answers a ping, so a sender in a
                        // room also sends a request the room always refuses; both replies come after the input's.
                        val probes = mutableSetOf<JsonElement>(JsonPrimitive("probe-$n"))
                        if (input.place.room != null) {
                            sender.send("""{"type":"remove_bot","player":"p_probe","id":"room-probe-$n"}""")
                            probes += JsonPrimitive("room-probe-$n")
                        }
                        sender.send("""{"type":"ping","t":0,"id":"probe-$n"}""")
                        val heard = mutableListOf<JsonObject>()
                        while (probes.isNotEmpty()) {
                            val message = sender.next()
                            if (!probes.remove(message["re"])) heard += message
                        }
                        val error = heard.singleOrNull()
                        when {
                            error == null || error.type != "error" -> failures += "${input.shown()}: heard $heard"
                            error.str("code") != input.code -> failures += "${input.shown()}: ${error.str("code")}, not ${input.code}: $error"
                            error["re"]?.toString() != input.re -> failures += "${input.shown()}: re ${error["re"]}, not ${input.re}"
                        }
                        input.place.room?.let { unchanged(it, input.shown()) }
                    } catch (e: Exception) {
                        failures += "${input.shown()}: $e; no more inputs from ${input.place}"
                        broken += input.place
                        input.place.room?.let { unchanged(it, input.shown()) }
                    }
                }
                println("$transport: ${inputs.size} inputs in ${(System.nanoTime() - started) / 1_000_000} ms")
                for (room in CorpusWorld.Room.entries) unchanged(room, "the whole corpus")
                if (get("/api/rooms") != publicRooms) failures += "the public rooms are now ${get("/api/rooms")}, not $publicRooms"
                if (roomCount() != rooms) failures += "there are now ${roomCount()} rooms, not $rooms"
                if (failures.isNotEmpty()) throw AssertionError("${failures.size} failures over $transport:\n" + failures.joinToString("\n"))
            }
        }

        test("over $transport a line or frame over the limit gets too_large and a goodbye, then a close, whatever it holds") {
            val rooms = roomCount()
            for (input in BadInputCorpus.oversized(LIMIT)) {
                connect("oversized").use { c ->
                    if (input.place == Place.LOBBY) c.hello("big")
                    c.sendBytes(input.bytes)
                    val error = c.next()
                    error.type shouldBe "error"
                    error.str("code") shouldBe "too_large"
                    val goodbye = c.next()
                    goodbye.type shouldBe "goodbye"
                    goodbye.str("reason") shouldBe "too_large"
                    c.awaitClosed()
                }
            }
            roomCount() shouldBe rooms
        }
    }
})

/** The default limit: the deepest nesting of the corpus takes 6 KB of it. */
private const val LIMIT = 8192
