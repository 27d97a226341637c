package dev.partyline.server.http.api.transfer

import org.apache.commons.csv.CSVFormat
import org.apache.commons.csv.CSVPrinter
import java.io.ByteArrayOutputStream
import java.io.IOException
import java.io.OutputStreamWriter
import java.io.StringReader
import java.io.UncheckedIOException
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction

/**
 * A quiz sheet as CSV: UTF-8, written with a byte-order mark (so Excel reads it as UTF-8) and
 * read with or without one; commas, or semicolons when the first line has more of them (as
 * Excel writes CSV where the comma is the decimal mark).
 *
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written after a `'`,
 * so a spreadsheet opening the file shows it as text instead of running it as a formula; the
 * reader takes that one `'` off again, so an export reads back to the same texts.
 */
object QuizCsv {
    private val BOM = byteArrayOf(0xEF.toByte(), 0xBB.toByte(), 0xBF.toByte())
    private val FORMULA = Regex("^'*[=+\\-@\t\r]")
    private val GUARDED = Regex("^'+[=+\\-@\t\r]")

    fun read(bytes: ByteArray): List<SheetRow> {
        val body = if (bytes.size >= BOM.size && bytes.copyOf(BOM.size).contentEquals(BOM)) bytes.copyOfRange(BOM.size, bytes.size) else bytes
        val text = utf8(body)
        if (text.isBlank()) throw SheetRefused("the file is empty")
        if ('\u0000' in text) throw SheetRefused("the file is not CSV text")
        val firstLine = text.lineSequence().first()
        val delimiter = if (firstLine.count { it == ';' } > firstLine.count { it == ',' }) ';' else ','
        val format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get()
        val rows = ArrayList<SheetRow>()
        var filled = 0
        try {
            format.parse(StringReader(text)).use { parser ->
                for (record in parser) {
                    val row = SheetRow(record.recordNumber.toInt(), record.values().map(::unguard))
                    if (!row.blank) SheetRow.checkCount(++filled)
                    rows += row
                }
            }
        } catch (e: UncheckedIOException) {
            throw SheetRefused("the file is not CSV: ${e.cause?.message ?: e.message}")
        } catch (e: IOException) {
            throw SheetRefused("the file is not CSV: ${e.message}")
        }
        return rows
    }

    fun write(rows: List<List<String>>): ByteArray {
        val out = ByteArrayOutputStream()
        out.write(BOM)
        OutputStreamWriter(out, Charsets.UTF_8).use { writer ->
            CSVPrinter(writer, CSVFormat.RFC4180).use { printer -> rows.forEach { printer.printRecord(it.map(::guard)) } }
        }
        return out.toByteArray()
    }

    private fun guard(cell: String): String = if (FORMULA.containsMatchIn(cell)) "'$cell" else cell

    private fun unguard(cell: String): String = if (GUARDED.containsMatchIn(cell)) cell.substring(1) else cell

    private fun utf8(bytes: ByteArray): String = try {
        Charsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString()
    } catch (e: CharacterCodingException) {
        throw SheetRefused("the file is not UTF-8 text; save the CSV as \"CSV UTF-8\"")
    }
}
