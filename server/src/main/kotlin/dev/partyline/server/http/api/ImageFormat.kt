package dev.partyline.server.http.api

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi
import javax.imageio.ImageIO
import javax.imageio.spi.ImageReaderSpi

/**
 * The image types the API takes (API.md), each with the ImageIO reader that knows it: the JDK's
 * for PNG, JPEG and GIF, TwelveMonkeys' for WebP. The readers are named here rather than looked
 * up by whatever happens to be on the class path, so only these four are ever parsed.
 */
enum class ImageFormat(val contentType: String, val label: String, provider: () -> ImageReaderSpi) {
    PNG("image/png", "PNG", { jdk("image/png") }),
    JPEG("image/jpeg", "JPEG", { jdk("image/jpeg") }),
    WEBP("image/webp", "WebP", ::WebPImageReaderSpi),
    GIF("image/gif", "GIF", { jdk("image/gif") }),
    ;

    /** The reader's provider: it tells the format by its first bytes, and makes readers. */
    val reader: ImageReaderSpi by lazy(provider)

    companion object {
        /** The format of a request's `Content-Type` (parameters ignored), or null when it is not one of these. */
        fun of(contentType: String?): ImageFormat? {
            val type = contentType?.substringBefore(';')?.trim()
            return entries.firstOrNull { it.contentType.equals(type, ignoreCase = true) }
        }

        private fun jdk(type: String): ImageReaderSpi = ImageIO.getImageReadersByMIMEType(type).next().originatingProvider
    }
}
