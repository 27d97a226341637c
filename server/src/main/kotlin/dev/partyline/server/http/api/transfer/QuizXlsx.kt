package dev.partyline.server.http.api.transfer

import dev.partyline.server.http.api.MIB
import org.apache.commons.compress.archivers.zip.ZipFile
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel
import org.dhatim.fastexcel.Workbook
import org.dhatim.fastexcel.Worksheet
import org.dhatim.fastexcel.reader.Cell
import org.dhatim.fastexcel.reader.CellType
import org.dhatim.fastexcel.reader.ReadableWorkbook
import java.io.ByteArrayInputStream
import java.io.ByteArrayOutputStream

/** A workbook's first sheet as read: its [name] and its rows. */
data class SheetFile(val name: String, val rows: List<SheetRow>)

/**
 * A quiz sheet as an `.xlsx` workbook (fastexcel): the questions on the first sheet, any other
 * sheet left alone. A workbook is a zip of XML, so before it is read its parts are unpacked
 * once, counting, and one that unpacks past [MAX_UNPACKED] bytes is refused (a zip bomb is
 * small on the wire and huge inside).
 */
object QuizXlsx {
    const val CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    const val MAX_UNPACKED = 16 * MIB
    private const val MAX_SHEET_NAME = 31
    private val SHEET_NAME_FORBIDDEN = Regex("[\\[\\]:*?/\\\\\\p{Cntrl}]")
    private val NUMERIC = setOf(SheetColumn.H, SheetColumn.I, SheetColumn.J).map { it.index }

    fun read(bytes: ByteArray): SheetFile {
        if (bytes.isEmpty()) throw SheetRefused("the file is empty")
        if (ReadableWorkbook.isOLE2Header(bytes)) throw SheetRefused("this is an old .xls workbook: save it as an Excel Workbook (.xlsx) or as CSV UTF-8")
        if (!ReadableWorkbook.isOOXMLZipHeader(bytes)) throw SheetRefused("the file is not an .xlsx workbook")
        checkUnpacked(bytes)
        return try {
            ReadableWorkbook(ByteArrayInputStream(bytes)).use { workbook ->
                val sheet = workbook.firstSheet
                val rows = ArrayList<SheetRow>()
                var filled = 0
                sheet.openStream().use { stream ->
                    for (row in stream.iterator()) {
                        val read = SheetRow(row.rowNum, (0 until row.cellCount).map { text(row.getCell(it)) })
                        if (!read.blank) SheetRow.checkCount(++filled)
                        rows += read
                    }
                }
                SheetFile(sheet.name, rows)
            }
        } catch (e: SheetRefused) {
            throw e
        } catch (e: Exception) {
            throw SheetRefused("the file is not an .xlsx workbook that can be read")
        }
    }

    /** A workbook of one sheet named after [title], of [rows] (the first a header, in bold); then any [notes] sheets, each a name and its rows. */
    fun write(title: String, rows: List<List<String>>, notes: Map<String, List<List<String>>> = emptyMap()): ByteArray {
        val out = ByteArrayOutputStream()
        val workbook = Workbook(out, "Partyline", "1.0")
        val sheet = workbook.newWorksheet(sheetName(title))
        rows.forEachIndexed { r, cells ->
            cells.forEachIndexed { c, cell -> if (cell.isNotEmpty()) write(sheet, r, c, cell, numeric = r > 0 && c in NUMERIC) }
        }
        SheetColumn.entries.forEach { sheet.width(it.index, if (it == SheetColumn.A || it == SheetColumn.K) 48.0 else 16.0) }
        sheet.range(0, 0, 0, SheetColumn.entries.size - 1).style().bold().set()
        sheet.freezePane(0, 1)
        for ((name, lines) in notes) {
            val page = workbook.newWorksheet(sheetName(name))
            lines.forEachIndexed { r, cells -> cells.forEachIndexed { c, cell -> page.value(r, c, cell) } }
            page.width(0, 24.0)
            page.width(1, 100.0)
            page.range(0, 0, 0, 1).style().bold().set()
        }
        workbook.finish()
        return out.toByteArray()
    }

    /** A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, never empty. */
    fun sheetName(title: String): String =
        title.replace(SHEET_NAME_FORBIDDEN, " ").trim().trim('\'').take(MAX_SHEET_NAME).trim().ifEmpty { "Quiz" }

    private fun write(sheet: Worksheet, r: Int, c: Int, cell: String, numeric: Boolean) {
        val number = if (numeric) cell.toLongOrNull() else null
        if (number != null) sheet.value(r, c, number) else sheet.value(r, c, cell)
    }

    /** A cell as text: a number without a needless `.0`, a boolean as True or False. */
    private fun text(cell: Cell?): String = when (cell?.type) {
        null, CellType.EMPTY -> ""
        CellType.NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString()
        CellType.BOOLEAN -> if (cell.asBoolean()) "True" else "False"
        else -> cell.text.orEmpty()
    }

    private fun checkUnpacked(bytes: ByteArray) {
        var total = 0L
        val buffer = ByteArray(64 * 1024)
        try {
            ZipFile.builder().setSeekableByteChannel(SeekableInMemoryByteChannel(bytes)).get().use { zip ->
                for (entry in zip.entries) {
                    zip.getInputStream(entry).use { part ->
                        while (true) {
                            val n = part.read(buffer)
                            if (n < 0) break
                            total += n
                            if (total > MAX_UNPACKED) throw SheetRefused("the workbook unpacks to more than ${MAX_UNPACKED / MIB} MiB; a quiz is far smaller")
                        }
                    }
                }
            }
        } catch (e: java.io.IOException) {
            throw SheetRefused("the file is not an .xlsx workbook")
        }
    }
}
