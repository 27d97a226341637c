package dev.partyline.server.http.api

import dev.partyline.server.http.api.transfer.QuizCsv
import dev.partyline.server.http.api.transfer.QuizXlsx
import dev.partyline.server.http.api.transfer.ResultsXlsx
import dev.partyline.server.results.GameListing
import dev.partyline.server.results.GameReport
import dev.partyline.server.results.GameReports
import dev.partyline.server.results.ResultTables
import dev.partyline.server.store.GameRecord
import dev.partyline.server.store.GameStore
import dev.partyline.server.store.StoreSecrets
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.withCharset
import io.ktor.server.application.ApplicationCall
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import kotlinx.serialization.Serializable
import java.security.MessageDigest

/**
 * API.md's Results (paths under `/api`): the games a host ran, each game's report, and its CSV,
 * XLSX and replay downloads. A signed-in host's games are theirs alone; an anonymous host's open
 * with the capability `key` from `game_over.report`. Anyone else gets `404`, as for no game.
 */
fun Route.gameRoutes(games: GameStore, auth: ApiAuth) {
    get("games") {
        val me = auth.require(call)
        val list = games.hostedBy(me.id).map { GameListing(it.id, it.room, it.game, it.title, it.startedAt, it.endedAt, it.players) }
        call.respondJson(HttpStatusCode.OK, GameList.serializer(), GameList(list))
    }
    get("games/{id}") {
        val (record, journal) = call.game(games, auth)
        call.respondJson(HttpStatusCode.OK, GameReport.serializer(), report(call, record, journal))
    }
    get("games/{id}/results.csv") {
        val (record, journal) = call.game(games, auth)
        val tables = ResultTables.of(report(call, record, journal))
        val rows = tables.summary + tables.answers?.let { listOf(emptyList<Any>()) + it }.orEmpty()
        call.respondAttachment(QuizCsv.write(rows.map { row -> row.map(Any::toString) }), CSV, Attachment.fileName(record.title, "csv"))
    }
    get("games/{id}/results.xlsx") {
        val (record, journal) = call.game(games, auth)
        call.respondAttachment(ResultsXlsx.write(ResultTables.of(report(call, record, journal))), XLSX, Attachment.fileName(record.title, "xlsx"))
    }
    get("games/{id}/replay.jsonl") {
        val (record, journal) = call.game(games, auth)
        call.respondAttachment(GameReports.replayFile(record, journal).toByteArray(), JSONL, Attachment.fileName("${record.title} ${record.room}", "jsonl"))
    }
}

/** The body of `GET /api/games`. */
@Serializable
data class GameList(val games: List<GameListing>)

/** The game this call names, with its journal, if the caller may see it; else `404`, whether it exists or not. */
private suspend fun ApplicationCall.game(games: GameStore, auth: ApiAuth): Pair<GameRecord, List<String>> {
    val id = parameters["id"].orEmpty()
    val record = games.find(id) ?: throw notFound()
    val key = request.queryParameters["key"]
    val allowed = when {
        record.owner != null -> auth.account(this)?.id == record.owner
        else -> key != null && record.keyHash != null && sameHash(StoreSecrets.hash(key), record.keyHash)
    }
    if (!allowed) throw notFound()
    return record to games.journal(id)
}

private fun sameHash(a: String, b: String) = MessageDigest.isEqual(a.toByteArray(), b.toByteArray())

private fun notFound() = ApiError.notFound("game")

/** The report, with download links that carry the caller's `key` on. */
private fun report(call: ApplicationCall, record: GameRecord, journal: List<String>): GameReport {
    val key = call.request.queryParameters["key"]?.let { "?key=$it" }.orEmpty()
    val base = "/api/games/${record.id}"
    val links = mapOf("csv" to "$base/results.csv$key", "xlsx" to "$base/results.xlsx$key", "replay" to "$base/replay.jsonl$key")
    return GameReports.report(record, journal, links)
}

private val XLSX = ContentType.parse(QuizXlsx.CONTENT_TYPE)
private val CSV = ContentType.Text.CSV.withCharset(Charsets.UTF_8)
private val JSONL = ContentType("application", "jsonl").withCharset(Charsets.UTF_8)
