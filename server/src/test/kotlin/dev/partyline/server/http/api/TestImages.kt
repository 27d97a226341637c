package dev.partyline.server.http.api

import java.awt.Color
import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.nio.ByteBuffer
import java.util.Base64
import java.util.Random
import java.util.zip.CRC32
import javax.imageio.ImageIO

/** Real image files for the image specs, made by ImageIO, plus what ImageIO cannot write. */
object TestImages {
    /** A [width] × [height] image in ImageIO's [format] (`png`, `jpeg`, `gif`): a gradient, or noise when [noisy] (which compresses badly). */
    fun make(format: String, width: Int, height: Int, noisy: Boolean = false): ByteArray {
        val image = BufferedImage(width, height, BufferedImage.TYPE_INT_RGB)
        val random = Random(width * 31L + height)
        for (x in 0 until width) for (y in 0 until height) {
            image.setRGB(x, y, if (noisy) random.nextInt() else Color(x * 255 / width, y * 255 / height, 128).rgb)
        }
        return ByteArrayOutputStream().also { check(ImageIO.write(image, format, it)) { "no ImageIO writer for $format" } }.toByteArray()
    }

    /** A 1 × 1 lossless WebP (ImageIO has no WebP writer). */
    val WEBP: ByteArray = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")

    /**
     * A PNG whose header says [width] × [height] and whose pixel data is a few bytes: what a
     * decompression bomb looks like to a server that reads the header first.
     */
    fun pngHeaderOnly(width: Int, height: Int): ByteArray {
        val ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put(8).put(2).put(0).put(0).put(0).array()
        return PNG_SIGNATURE + chunk("IHDR", ihdr) + chunk("IDAT", byteArrayOf(0x78, 0x9c.toByte(), 3, 0, 0, 0, 0, 1)) + chunk("IEND", ByteArray(0))
    }

    /** [gif] with its logical screen (the size a browser makes room for) set to [width] × [height]. */
    fun withGifScreen(gif: ByteArray, width: Int, height: Int): ByteArray = gif.copyOf().also {
        it[6] = width.toByte()
        it[7] = (width shr 8).toByte()
        it[8] = height.toByte()
        it[9] = (height shr 8).toByte()
    }

    private val PNG_SIGNATURE = byteArrayOf(0x89.toByte(), 'P'.code.toByte(), 'N'.code.toByte(), 'G'.code.toByte(), 13, 10, 26, 10)

    private fun chunk(type: String, data: ByteArray): ByteArray {
        val typed = type.toByteArray() + data
        val crc = CRC32().apply { update(typed) }.value.toInt()
        return ByteBuffer.allocate(4).putInt(data.size).array() + typed + ByteBuffer.allocate(4).putInt(crc).array()
    }
}
