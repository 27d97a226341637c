package dev.partyline.server.room

import dev.partyline.shared.protocol.Limits
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.RoomCode
import java.security.MessageDigest
import java.security.SecureRandom
import java.util.Base64

/** Room codes, player ids and session tokens, all drawn from one [SecureRandom]. */
class Secrets(private val random: SecureRandom = SecureRandom()) {
    fun roomCode(): RoomCode = RoomCode(String(CharArray(6) { CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)] }))

    fun playerId(): PlayerId = PlayerId("p_" + String(CharArray(8) { ID_ALPHABET[random.nextInt(ID_ALPHABET.length)] }))

    /** 128 random bits. */
    fun secret(): ByteArray = ByteArray(16).also(random::nextBytes)

    /** A game's seed when its options name none: random, and small enough for every client to read exactly. */
    fun seed(): Long = random.nextLong(Limits.MAX_EXACT_NUMBER + 1)

    companion object {
        /** Upper-case letters and digits without look-alikes (no 0/O, 1/I/L). */
        const val CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
        private const val ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"

        /** The opaque token a client keeps: its player id and secret. */
        fun token(player: PlayerId, secret: ByteArray): String =
            player.value + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret)

        /** Splits a token into player id and secret; null if it is not shaped like one. */
        fun parseToken(token: String): Pair<PlayerId, ByteArray>? {
            val dot = token.indexOf('.')
            if (dot <= 0 || token.length > 80) return null
            val secret = runCatching { Base64.getUrlDecoder().decode(token.substring(dot + 1)) }.getOrNull() ?: return null
            return PlayerId(token.substring(0, dot)) to secret
        }

        /** Compares secrets in constant time. */
        fun same(a: ByteArray, b: ByteArray) = MessageDigest.isEqual(a, b)
    }
}
