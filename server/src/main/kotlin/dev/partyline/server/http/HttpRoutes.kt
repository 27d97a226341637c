package dev.partyline.server.http

import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.room.RoomRegistry
import dev.partyline.server.store.Database
import dev.partyline.shared.protocol.PackList
import dev.partyline.shared.protocol.PackSummary
import dev.partyline.shared.protocol.RoomList
import dev.partyline.shared.protocol.WireCodec
import dev.partyline.shared.protocol.WireFormat
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.http.content.staticResources
import io.ktor.server.response.respond
import io.ktor.server.response.respondRedirect
import io.ktor.server.response.respondText
import io.ktor.server.routing.Route
import io.ktor.server.routing.get

private val SHARE_CODE = Regex("[A-Za-z0-9]{1,12}")
private val PROMETHEUS_TEXT = ContentType.parse("text/plain; version=0.0.4; charset=utf-8")

/** The read-only HTTP side: the static web client, health (with the store's), Prometheus metrics, and JSON read-outs of packs, public rooms and the limits a client checks. */
fun Route.httpRoutes(codec: WireCodec, rooms: RoomRegistry, packs: List<PackSummary>, limits: ClientLimits, serverName: String, metrics: ServerMetrics, database: Database) {
    val limitsJson = WireFormat.json.encodeToString(ClientLimits.serializer(), limits)
    staticResources("/", "web")
    // A shareable join link: the client reads the code from the fragment.
    get("/join/{code}") {
        val code = call.parameters["code"].orEmpty()
        if (code.matches(SHARE_CODE)) call.respondRedirect("/#${code.uppercase()}") else call.respond(HttpStatusCode.NotFound)
    }
    get("/health") {
        // A store that does not answer degrades the server: rooms go on, saved quizzes and accounts wait.
        val status = if (database.answers()) "ok" else "degraded"
        call.respondText("{\"status\":\"$status\",\"server\":\"$serverName\",\"store\":\"${database.kind}\",\"rooms\":${rooms.count()}}", ContentType.Application.Json)
    }
    get("/metrics") {
        metrics.refresh(rooms.census())
        call.respondText(metrics.scrape(), PROMETHEUS_TEXT)
    }
    get("/api/packs") {
        call.respondText(codec.encode(PackList(packs)), ContentType.Application.Json)
    }
    get("/api/limits") {
        call.respondText(limitsJson, ContentType.Application.Json)
    }
    get("/api/rooms") {
        call.respondText(codec.encode(RoomList(rooms.listPublic())), ContentType.Application.Json)
    }
}
