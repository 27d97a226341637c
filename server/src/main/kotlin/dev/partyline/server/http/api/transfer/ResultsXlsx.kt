package dev.partyline.server.http.api.transfer

import dev.partyline.server.results.ResultTables
import org.dhatim.fastexcel.Workbook
import java.io.ByteArrayOutputStream

/** A game's results as a workbook: a Summary sheet (a row a player) and, for a quiz, an Answers sheet (a row a player per question). */
object ResultsXlsx {
    fun write(tables: ResultTables): ByteArray {
        val out = ByteArrayOutputStream()
        val workbook = Workbook(out, "Partyline", "1.0")
        sheet(workbook, "Summary", tables.summary)
        tables.answers?.let { sheet(workbook, "Answers", it) }
        workbook.finish()
        return out.toByteArray()
    }

    private fun sheet(workbook: Workbook, name: String, rows: List<List<Any>>) {
        val sheet = workbook.newWorksheet(name)
        rows.forEachIndexed { r, cells ->
            cells.forEachIndexed { c, cell ->
                when (cell) {
                    is Number -> sheet.value(r, c, cell)
                    else -> sheet.value(r, c, cell.toString())
                }
            }
        }
        rows.first().indices.forEach { sheet.width(it, if (rows.first()[it] == "Question text") 48.0 else 14.0) }
        sheet.range(0, 0, 0, rows.first().size - 1).style().bold().set()
        sheet.freezePane(0, 1)
    }
}
