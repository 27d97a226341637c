package dev.partyline.server.http.api

import io.ktor.http.ContentType
import io.ktor.http.HttpHeaders
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.ApplicationCall
import io.ktor.server.response.header
import io.ktor.server.response.respondBytes
import java.text.Normalizer

/** Answers [bytes] as a download named [fileName] (RFC 6266): `Content-Disposition: attachment`, an ASCII `filename` and the exact `filename*`. */
suspend fun ApplicationCall.respondAttachment(bytes: ByteArray, type: ContentType, fileName: String, cacheControl: String = "private, no-store") {
    response.header(HttpHeaders.ContentDisposition, Attachment.disposition(fileName))
    response.header(HttpHeaders.CacheControl, cacheControl)
    respondBytes(bytes, type, HttpStatusCode.OK)
}

/** File names for downloads, made from what people typed. */
object Attachment {
    private const val MAX_NAME = 80
    private val UNSAFE = Regex("[\\\\/:*?\"<>|\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]+")
    private val NOT_ASCII_NAME = Regex("[^A-Za-z0-9 ._()-]+")
    private val MARKS = Regex("\\p{M}+")
    private const val ATTR_CHARS = "!#$&+-.^_`|~"

    /** A file name of [title] and [extension]: no path separators, control or bidi characters, at most 80 characters before the extension. */
    fun fileName(title: String, extension: String): String {
        val base = title.replace(UNSAFE, " ").replace(Regex("\\s+"), " ").trim().trim('.').take(MAX_NAME).trim().ifEmpty { "quiz" }
        return "$base.$extension"
    }

    fun disposition(fileName: String): String {
        val ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replace(MARKS, "").replace(NOT_ASCII_NAME, "_")
        val exact = fileName.toByteArray(Charsets.UTF_8).joinToString("") { byte ->
            val c = (byte.toInt() and 0xFF).toChar()
            if (c.isLetterOrDigit() && c.code < 128 || c in ATTR_CHARS) c.toString() else "%%%02X".format(byte.toInt() and 0xFF)
        }
        return if (ascii == fileName) "attachment; filename=\"$ascii\"" else "attachment; filename=\"$ascii\"; filename*=UTF-8''$exact"
    }
}
