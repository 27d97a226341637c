package dev.partyline.server.http.api

import dev.partyline.server.store.ImageFacts
import java.io.ByteArrayInputStream
import javax.imageio.ImageReader
import javax.imageio.stream.ImageInputStream
import javax.imageio.stream.MemoryCacheImageInputStream

/**
 * Checks an upload against the type it claims, reading only its header: the file's first bytes
 * must be those of [ImageFormat] `declared` (by that format's ImageIO reader), and its size in
 * pixels, read before any pixel is, at most [MAX_SIDE] a side. Pixels are never decoded, so a
 * small file that claims a huge picture (a decompression bomb) costs nothing but its refusal.
 * The price: a file whose header is whole but whose pixel data is cut short or corrupt is taken,
 * and a browser shows what it can of it.
 */
object ImageHeader {
    /** The longest side an image may have, in pixels (API.md). */
    const val MAX_SIDE = 4096

    /** What [content]'s header says, or `400 bad_request` saying why it is refused. */
    fun read(content: ByteArray, declared: ImageFormat): ImageFacts {
        val actual = ImageFormat.entries.firstOrNull { recognises(it, content) }
        if (actual != declared) {
            val looks = actual?.let { " (it looks like a ${it.label} image)" }.orEmpty()
            throw ApiError.badRequest("this file is not a ${declared.label} image$looks")
        }
        val size = try {
            stream(content).use { size(declared, it) }
        } catch (e: Exception) {
            null
        }
        val (width, height) = size?.takeIf { it.first >= 1 && it.second >= 1 } ?: throw ApiError.badRequest("this ${declared.label} image cannot be read")
        if (width > MAX_SIDE || height > MAX_SIDE) throw ApiError.badRequest("an image may be at most $MAX_SIDE pixels a side; this one is $width × $height")
        return ImageFacts(declared.contentType, width, height)
    }

    /** Whether [content] starts as a file of [format] does; a file too short to tell is not one. */
    private fun recognises(format: ImageFormat, content: ByteArray): Boolean =
        try {
            stream(content).use { format.reader.canDecodeInput(it) }
        } catch (e: Exception) {
            false
        }

    /**
     * The image's width and height from its header: of its first frame, and for a GIF at least
     * its logical screen, which is what a browser makes room for.
     */
    private fun size(format: ImageFormat, input: ImageInputStream): Pair<Int, Int> {
        val reader = format.reader.createReaderInstance()
        try {
            reader.setInput(input, true, true)
            val screen = if (format == ImageFormat.GIF) gifScreen(reader) else 0 to 0
            return maxOf(reader.getWidth(0), screen.first) to maxOf(reader.getHeight(0), screen.second)
        } finally {
            reader.dispose()
        }
    }

    /** A GIF's logical screen size, from the stream metadata of the JDK's reader (its standard tree). */
    private fun gifScreen(reader: ImageReader): Pair<Int, Int> {
        val nodes = reader.streamMetadata.getAsTree(GIF_STREAM).childNodes
        val screen = (0 until nodes.length).map(nodes::item).first { it.nodeName == "LogicalScreenDescriptor" }
        fun attribute(name: String) = screen.attributes.getNamedItem(name).nodeValue.toInt()
        return attribute("logicalScreenWidth") to attribute("logicalScreenHeight")
    }

    private fun stream(content: ByteArray): ImageInputStream = MemoryCacheImageInputStream(ByteArrayInputStream(content))

    private const val GIF_STREAM = "javax_imageio_gif_stream_1.0"
}
