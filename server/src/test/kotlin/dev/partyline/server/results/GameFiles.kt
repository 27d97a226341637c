package dev.partyline.server.results

import dev.partyline.server.http.api.ApiClient
import dev.partyline.server.http.api.ApiResponse
import kotlinx.coroutines.delay
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.apache.commons.csv.CSVFormat
import org.dhatim.fastexcel.reader.ReadableWorkbook
import java.io.ByteArrayInputStream
import java.io.StringReader

/**
 * A game's report and files as a client reads them. The journal reaches the store within a batch
 * (~50 ms) of `game_over`, so [awaitReport] asks until the report says the game has ended.
 */
object GameFiles {
    suspend fun awaitReport(api: ApiClient, url: String, timeoutMs: Long = 10_000): JsonObject = withTimeout(timeoutMs) {
        while (true) {
            val answer = api.get(url)
            if (answer.status == 200 && answer["endedAt"].let { it != null && it != JsonNull }) return@withTimeout answer.json
            delay(POLL_MILLIS)
        }
        @Suppress("UNREACHABLE_CODE")
        error("unreachable")
    }

    /** Returns once [done] holds, asking every few milliseconds; fails after [timeoutMs]. */
    suspend fun awaitUntil(timeoutMs: Long, done: () -> Boolean) = withTimeout(timeoutMs) {
        while (!done()) delay(POLL_MILLIS)
    }

    /** The report's players as name to score. */
    fun scores(report: JsonObject): Map<String, Int> =
        report.getValue("players").jsonArray.associate { it.jsonObject.getValue("name").jsonPrimitive.content to it.jsonObject.getValue("score").jsonPrimitive.content.toInt() }

    /** A `game_over`'s leaderboard as name to score. */
    fun leaderboard(over: JsonObject): Map<String, Int> =
        over.getValue("leaderboard").jsonArray.associate { it.jsonObject.getValue("name").jsonPrimitive.content to it.jsonObject.getValue("score").jsonPrimitive.content.toInt() }

    /** A results CSV as its sections: blocks of rows split at blank lines, each starting with its header. */
    fun csvSections(bytes: ByteArray): List<List<List<String>>> {
        val text = String(bytes, Charsets.UTF_8).removePrefix("\uFEFF")
        val rows = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(StringReader(text)).use { p -> p.map { it.values().toList() } }
        val sections = mutableListOf(mutableListOf<List<String>>())
        for (row in rows) if (row.all { it.isEmpty() }) sections += mutableListOf<List<String>>() else sections.last() += row
        return sections.filter { it.isNotEmpty() }
    }

    /** A results workbook as sheet name to rows of cell texts. */
    fun xlsxSheets(bytes: ByteArray): Map<String, List<List<String>>> = ReadableWorkbook(ByteArrayInputStream(bytes)).use { book ->
        book.sheets.toList().associate { sheet ->
            sheet.name to sheet.read().map { row -> (0 until row.cellCount).map { c -> row.getCellText(c).orEmpty().removeSuffix(".0") } }
        }
    }

    fun ApiResponse.isNotFound() = status == 404 && errorCode == "not_found"

    private const val POLL_MILLIS = 25L
}
