package dev.partyline.server.store

import java.security.MessageDigest
import java.security.SecureRandom
import java.util.Base64
import java.util.HexFormat

/** Ids and tokens for what is stored: opaque, URL-safe, drawn from [SecureRandom]; tokens are kept only as [hash]es. */
object StoreSecrets {
    private val random = SecureRandom()
    private val encoder = Base64.getUrlEncoder().withoutPadding()

    /** 128 random bits, 22 characters. */
    fun id(): String = random(ID_BYTES)

    /** 256 random bits, 43 characters: a session cookie or a bearer token. */
    fun token(): String = random(TOKEN_BYTES)

    /** The SHA-256 of [token] in hex, as stored and looked up. */
    fun hash(token: String): String = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(token.toByteArray()))

    private fun random(bytes: Int) = encoder.encodeToString(ByteArray(bytes).also(random::nextBytes))

    private val HEX = HexFormat.of()
    private const val ID_BYTES = 16
    private const val TOKEN_BYTES = 32
}
